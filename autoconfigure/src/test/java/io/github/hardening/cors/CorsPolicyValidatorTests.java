package io.github.hardening.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every unsafe or malformed policy is refused naming the exact property; safe ones pass.
 */
class CorsPolicyValidatorTests {

	private final CorsProperties properties = new CorsProperties();

	@Test
	void defaultsAreValid() {
		assertThatNoException().isThrownBy(() -> validate(false));
	}

	@Test
	void wildcardOriginWithCredentialsIsRefused() {
		this.properties.setAllowedOrigins(List.of("https://app.example.com", "*"));
		this.properties.setAllowCredentials(true);
		assertRefused("hardening.cors.allowed-origins[1]", "'*' allows every origin", "allow-credentials=false");
	}

	@Test
	void wildcardPatternWithCredentialsIsRefused() {
		this.properties.setAllowedOriginPatterns(List.of("*"));
		this.properties.setAllowCredentials(true);
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "'*' allows every origin");
	}

	@Test
	void wildcardWithoutCredentialsIsAPublicApi() {
		this.properties.setAllowedOrigins(List.of("*"));
		this.properties.setAllowedOriginPatterns(List.of("*"));
		assertThatNoException().isThrownBy(() -> validate(true));
	}

	@Test
	void mappingThatAddsCredentialsToAnInheritedWildcardIsRefusedNamingBothProperties() {
		this.properties.setAllowedOriginPatterns(List.of("*"));
		this.properties.setMappings(List.of(mapping("/account/**")));
		this.properties.getMappings().get(0).setAllowCredentials(true);
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "hardening.cors.mappings[0].allow-credentials=true");
	}

	@Test
	void nullOriginIsRefusedUnlessAllowed() {
		this.properties.setAllowedOrigins(List.of("https://app.example.com", "null"));
		assertRefused("hardening.cors.allowed-origins[1]", "sandboxed iframe",
				"hardening.cors.allow-null-origin=true");
		this.properties.setAllowNullOrigin(true);
		assertThatNoException().isThrownBy(() -> validate(false));
	}

	@Test
	void nullOriginWithCredentialsIsRefused() {
		this.properties.setAllowNullOrigin(true);
		this.properties.setAllowCredentials(true);
		assertRefused("hardening.cors.allow-null-origin", "with the user's cookies");
	}

	@Test
	void patternWhoseWildcardIsNotFollowedByADotIsRefused() {
		this.properties.setAllowedOriginPatterns(List.of("https://*example.com"));
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "https://evilexample.com");
	}

	@Test
	void patternWhoseWildcardEndsTheHostIsRefused() {
		this.properties.setAllowedOriginPatterns(List.of("https://example.*"));
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "https://example.com.evil.net");
	}

	@Test
	void patternThatCoversATopLevelDomainIsRefused() {
		this.properties.setAllowedOriginPatterns(List.of("https://example.*.com"));
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "top-level domain");
	}

	@Test
	void originsWithPathQueryOrFragmentAreRefused() {
		for (String origin : List.of("https://a.com/x", "https://a.com?q", "https://a.com#f")) {
			this.properties.setAllowedOrigins(List.of(origin));
			assertRefused("hardening.cors.allowed-origins[0]", "without path, query or fragment");
		}
		this.properties.setAllowedOrigins(List.of());
		this.properties.setAllowedOriginPatterns(List.of("https://*.a.com/x"));
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "without path, query or fragment");
	}

	@Test
	void originsAndPatternsWithoutSchemeAreRefused() {
		this.properties.setAllowedOrigins(List.of("app.example.com"));
		assertRefused("hardening.cors.allowed-origins[0]", "has no scheme");
		this.properties.setAllowedOrigins(List.of());
		this.properties.setAllowedOriginPatterns(List.of("*.example.com"));
		assertRefused("hardening.cors.allowed-origin-patterns[0]", "has no scheme");
	}

	@Test
	void wildcardInAnExactOriginIsRefusedBecauseItNeverMatches() {
		this.properties.setAllowedOrigins(List.of("https://*.example.com"));
		assertRefused("hardening.cors.allowed-origins[0]", "allowed-origin-patterns");
	}

	@Test
	void strictModeRefusesPlainHttpOriginsOfRemoteHosts() {
		this.properties.setAllowedOrigins(List.of("http://app.example.com"));
		assertRefused(true, "hardening.cors.allowed-origins[0]", "defeats TLS", "Use the https origin");
		this.properties.setAllowedOrigins(List.of());
		this.properties.setAllowedOriginPatterns(List.of("http://*.example.com"));
		assertRefused(true, "hardening.cors.allowed-origin-patterns[0]", "defeats TLS");
	}

	@Test
	void warnModeAcceptsPlainHttpOrigins() {
		this.properties.setAllowedOrigins(List.of("http://app.example.com"));
		assertThatNoException().isThrownBy(() -> validate(false));
	}

	@Test
	void strictModeAcceptsPlainHttpOnThisMachine() {
		this.properties.setAllowedOrigins(List.of("http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:8080"));
		this.properties.setAllowedOriginPatterns(List.of("http://localhost:[*]"));
		assertThatNoException().isThrownBy(() -> validate(true));
	}

	@Test
	void safePatternsAndPortListsAreAccepted() {
		this.properties.setAllowedOrigins(List.of("https://app.example.com/", "https://[2001:db8::1]:8443"));
		this.properties.setAllowedOriginPatterns(
				List.of("https://*.example.com", "https://*.example.com:[8080,8081]", "https://*.example.com:[*]"));
		this.properties.setAllowCredentials(true);
		assertThatNoException().isThrownBy(() -> validate(true));
	}

	@Test
	void mappingValuesAreNamedUnderTheirMapping() {
		CorsProperties.Mapping first = mapping("/public/**");
		CorsProperties.Mapping second = mapping("/partner/**");
		second.setAllowedOriginPatterns(List.of("https://*.partner.example", "https://*partner.example"));
		this.properties.setMappings(List.of(first, second));
		assertRefused("hardening.cors.mappings[1].allowed-origin-patterns[1]", "https://evilpartner.example");
	}

	@Test
	void mappingWithoutPathsIsRefused() {
		this.properties.setMappings(List.of(new CorsProperties.Mapping()));
		assertRefused("hardening.cors.mappings[0].paths", "at least one path pattern");
	}

	@Test
	void mappingWithMalformedPathIsRefused() {
		this.properties.setMappings(List.of(mapping("/a/**/b")));
		assertRefused("hardening.cors.mappings[0].paths[0]", "Not a valid path pattern");
		this.properties.setMappings(List.of(mapping("api/**")));
		assertRefused("hardening.cors.mappings[0].paths[0]", "starts with '/'");
	}

	@Test
	void pathListedByAnEarlierMappingIsRefused() {
		this.properties.setMappings(List.of(mapping("/api/**"), mapping("/other", "/api/**")));
		assertRefused("hardening.cors.mappings[1].paths[1]", "first match wins");
	}

	@Test
	void negativeMaxAgeIsRefused() {
		this.properties.setMappings(List.of(mapping("/api/**")));
		this.properties.getMappings().get(0).setMaxAge(Duration.ofSeconds(-1));
		assertRefused("hardening.cors.mappings[0].max-age", "negative");
	}

	private static CorsProperties.Mapping mapping(String... paths) {
		CorsProperties.Mapping mapping = new CorsProperties.Mapping();
		mapping.setPaths(new ArrayList<>(List.of(paths)));
		return mapping;
	}

	private void validate(boolean strict) {
		new CorsPolicyValidator(strict).validateAll(CorsPolicySettings.all(this.properties));
	}

	private void assertRefused(String property, String... reasonParts) {
		assertRefused(false, property, reasonParts);
	}

	private void assertRefused(boolean strict, String property, String... reasonParts) {
		Executable validation = () -> validate(strict);
		InvalidConfigurationPropertyValueException ex = assertThrows(InvalidConfigurationPropertyValueException.class,
				validation);
		assertThat(ex.getName()).isEqualTo(property);
		assertThat(ex.getMessage()).contains(property);
		assertThat(ex.getReason()).contains(reasonParts);
	}

}
