package io.github.hardening.cors;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The decision for one cross-origin request against a policy built from properties, as the filter sees it.
 */
class CorsDeciderTests {

	private static final String APP = "https://app.example.com";

	private final CorsDecider decider = new CorsDecider();

	@Test
	void defaultPolicyAllowsNoOrigin() {
		CorsConfiguration policy = policy((properties) -> {
		});
		assertThat(CorsDecider.allowsAnyOrigin(policy)).isFalse();
		CorsDecision decision = this.decider.decide(policy, preflight(APP, "GET"));
		assertThat(decision.rejection()).isEqualTo(CorsRejection.ORIGIN);
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void allowedPreflightGetsMethodsHeadersAndMaxAge() {
		CorsDecision decision = this.decider.decide(appPolicy(), preflight(APP, "POST", "content-type", "X-Request-ID"));
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.preflight()).isTrue();
		assertThat(decision.headers()).containsExactly(entry("Access-Control-Allow-Origin", APP),
				entry("Access-Control-Allow-Methods", "GET, HEAD, POST"),
				entry("Access-Control-Allow-Headers", "content-type, X-Request-ID"),
				entry("Access-Control-Max-Age", "600"));
	}

	@Test
	void preflightFromAnotherOriginIsRejectedNamingTheOrigin() {
		CorsDecision decision = this.decider.decide(appPolicy(), preflight("https://evil.example.net", "GET"));
		assertThat(decision.rejection()).isEqualTo(CorsRejection.ORIGIN);
		assertThat(decision.detail()).contains("'https://evil.example.net'");
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void preflightForAnotherMethodIsRejectedListingTheAllowedOnes() {
		CorsDecision decision = this.decider.decide(appPolicy(), preflight(APP, "DELETE"));
		assertThat(decision.rejection()).isEqualTo(CorsRejection.METHOD);
		assertThat(decision.detail()).contains("'DELETE'", "Allowed: GET, HEAD, POST");
	}

	@Test
	void preflightIsRejectedWhenAnyRequestedHeaderIsNotAllowed() {
		// Spring's checkHeaders returns the allowed subset here; a preflight must not pass on a partial match.
		CorsDecision decision = this.decider.decide(appPolicy(), preflight(APP, "POST", "Content-Type", "X-Debug"));
		assertThat(decision.rejection()).isEqualTo(CorsRejection.HEADERS);
		assertThat(decision.detail()).contains("'X-Debug'").doesNotContain("'Content-Type'");
	}

	@Test
	void allowedActualRequestGetsOriginAndExposedHeadersButNoPreflightHeaders() {
		CorsDecision decision = this.decider.decide(appPolicy(), actual(APP, "GET"));
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.preflight()).isFalse();
		assertThat(decision.headers()).containsExactly(entry("Access-Control-Allow-Origin", APP),
				entry("Access-Control-Expose-Headers", "X-Request-ID, RateLimit, RateLimit-Policy, Retry-After"));
	}

	@Test
	void actualRequestWithAMethodOutsideThePolicyIsRejected() {
		CorsDecision decision = this.decider.decide(appPolicy(), actual(APP, "PUT"));
		assertThat(decision.rejection()).isEqualTo(CorsRejection.METHOD);
		assertThat(decision.headers()).isEmpty();
	}

	@Test
	void credentialsEchoTheOriginAndAllowCredentials() {
		CorsConfiguration policy = policy((properties) -> {
			properties.setAllowedOriginPatterns(List.of("https://*.example.com"));
			properties.setAllowCredentials(true);
		});
		CorsDecision decision = this.decider.decide(policy, actual("https://shop.example.com", "POST"));
		assertThat(decision.headers()).containsEntry("Access-Control-Allow-Origin", "https://shop.example.com")
			.containsEntry("Access-Control-Allow-Credentials", "true");
	}

	@Test
	void publicApiAnswersWithTheWildcard() {
		CorsConfiguration policy = policy((properties) -> properties.setAllowedOrigins(List.of("*")));
		CorsDecision decision = this.decider.decide(policy, actual("https://anyone.example.org", "GET"));
		assertThat(decision.headers()).containsEntry("Access-Control-Allow-Origin", "*")
			.doesNotContainKey("Access-Control-Allow-Credentials");
	}

	@Test
	void nullOriginIsNotLetInByWildcards() {
		CorsConfiguration policy = policy((properties) -> {
			properties.setAllowedOrigins(List.of("*"));
			properties.setAllowedOriginPatterns(List.of("*"));
		});
		assertThat(this.decider.decide(policy, actual("null", "GET")).rejection()).isEqualTo(CorsRejection.ORIGIN);
	}

	@Test
	void nullOriginIsLetInWhenAllowed() {
		CorsConfiguration policy = policy((properties) -> properties.setAllowNullOrigin(true));
		assertThat(CorsDecider.allowsAnyOrigin(policy)).isTrue();
		assertThat(this.decider.decide(policy, actual("null", "GET")).headers())
			.containsEntry("Access-Control-Allow-Origin", "null");
	}

	@Test
	void patternsMatchWhateverCaseTheyWereConfiguredIn() {
		CorsConfiguration policy = policy(
				(properties) -> properties.setAllowedOriginPatterns(List.of("https://*.Example.COM")));
		assertThat(this.decider.decide(policy, actual("https://api.example.com", "GET")).allowed()).isTrue();
	}

	@Test
	void rejectionDetailNeitherForgesLinesNorGrowsWithTheInput() {
		String hostile = "https://evil.example.net\r\nSet-Cookie: x=1" + "a".repeat(500);
		String detail = this.decider.decide(appPolicy(), actual(hostile, "GET")).detail();
		assertThat(detail).doesNotContain("\r", "\n").contains("evil.example.net??Set-Cookie").hasSizeLessThan(200);
	}

	@Test
	void blankRequestedMethodIsRejected() {
		assertThat(this.decider.decide(appPolicy(), preflight(APP, " ")).rejection()).isEqualTo(CorsRejection.METHOD);
	}

	private static CorsConfiguration appPolicy() {
		return policy((properties) -> properties.setAllowedOrigins(List.of(APP)));
	}

	private static CorsConfiguration policy(Consumer<CorsProperties> customizer) {
		CorsProperties properties = new CorsProperties();
		customizer.accept(properties);
		List<CorsPolicySettings> all = CorsPolicySettings.all(properties);
		new CorsPolicyValidator(true).validateAll(all);
		return CorsPolicyMapper.toConfiguration(all.get(all.size() - 1));
	}

	private static CorsRequest preflight(String origin, String method, String... headers) {
		return new CorsRequest("OPTIONS", origin, method, List.of(headers));
	}

	private static CorsRequest actual(String origin, String method) {
		return new CorsRequest(method, origin, null, List.of());
	}

}
