package io.github.hardening.headers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.hardening.headers.ContentSecurityPolicy.InvalidPolicyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentSecurityPolicyTests {

	@Test
	void directivesAreRenderedInOrderWithValuelessOnesBare() {
		ContentSecurityPolicy csp = ContentSecurityPolicy.of(directives("default-src", "'none'", "frame-ancestors",
				"'none'", "upgrade-insecure-requests", ""), "p");
		assertThat(csp.render(null)).isEqualTo("default-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests");
		assertThat(csp.usesNonce()).isFalse();
	}

	@Test
	void falseDropsADirective() {
		ContentSecurityPolicy csp = ContentSecurityPolicy
			.of(directives("default-src", "'self'", "upgrade-insecure-requests", "false"), "p");
		assertThat(csp.render(null)).isEqualTo("default-src 'self'");
	}

	@Test
	void nonceIsInsertedWhereThePlaceholderStands() {
		ContentSecurityPolicy csp = ContentSecurityPolicy.of(
				directives("script-src", "'self' 'nonce-{nonce}'", "style-src", "'nonce-{nonce}'"), "p");
		assertThat(csp.usesNonce()).isTrue();
		assertThat(csp.render("abc")).isEqualTo("script-src 'self' 'nonce-abc'; style-src 'nonce-abc'");
		assertThat(csp.render("xyz")).isEqualTo("script-src 'self' 'nonce-xyz'; style-src 'nonce-xyz'");
	}

	@Test
	void whitespaceIsNormalised() {
		ContentSecurityPolicy csp = ContentSecurityPolicy.of(directives("img-src", "  'self'\t data:  "), "p");
		assertThat(csp.render(null)).isEqualTo("img-src 'self' data:");
	}

	@Test
	void unquotedKeywordsAreRefusedNamingTheProperty() {
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("script-src", "self"), "hardening.headers.web.csp"))
			.withMessageContaining("must be quoted")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("hardening.headers.web.csp.script-src"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("script-src", "'self' unsafe-inline"), "p"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("script-src", "nonce-abc"), "p"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("script-src", "sha256-abc="), "p"));
	}

	@Test
	void separatorsInsideAValueAreRefused() {
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("default-src", "'self'; script-src *"), "p"))
			.withMessageContaining("';'");
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("default-src", "'self', https:"), "p"))
			.withMessageContaining("','");
	}

	@Test
	void lineBreaksFromMultiLineYamlAreOnlyWhitespace() {
		ContentSecurityPolicy csp = ContentSecurityPolicy.of(directives("img-src", "'self'\r\n  data:"), "p");
		assertThat(csp.render(null)).isEqualTo("img-src 'self' data:");
	}

	@Test
	void controlCharactersNonAsciiAndBadNamesAreRefused() {
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("default-src", "'self'\u0000x"), "p"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("img-src", "https://caf\u00e9.example"), "p"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("default src", "'self'"), "p"));
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("img-src", "'self"), "p"))
			.withMessageContaining("unbalanced");
	}

	@Test
	void noncePlaceholderOnlyAsAQuotedNonceSource() {
		assertThatExceptionOfType(InvalidPolicyException.class)
			.isThrownBy(() -> ContentSecurityPolicy.of(directives("script-src", "'self' {nonce}"), "p"));
	}

	private static Map<String, String> directives(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
