package io.github.hardening.test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grader reproduces the Observatory's arithmetic on known header sets.
 */
class ObservatoryGraderTests {

	@Test
	void bareResponseGetsF() {
		ObservatoryGrader.Grade grade = ObservatoryGrader.grade(headers(Map.of()), null);
		// 100 - 25 (no CSP) - 20 (no HSTS) - 5 (no nosniff) - 20 (no XFO) = 30
		assertThat(grade.score()).isEqualTo(30);
		assertThat(grade.letter()).isEqualTo("D");
	}

	@Test
	void helmetDefaultsScoreWithoutCspBonusBecauseOfInlineStyles() {
		ObservatoryGrader.Grade grade = ObservatoryGrader.grade(headers(Map.of("Content-Security-Policy",
				"default-src 'self';script-src 'self';object-src 'none';style-src 'self' https: 'unsafe-inline';"
						+ "frame-ancestors 'self'",
				"Strict-Transport-Security", "max-age=31536000; includeSubDomains", "X-Content-Type-Options", "nosniff",
				"Referrer-Policy", "no-referrer", "Cross-Origin-Resource-Policy", "same-origin")), null);
		assertThat(grade.modifiers()).containsEntry("content-security-policy", 0)
			.containsEntry("x-frame-options", 5)
			.containsEntry("referrer-policy", 5)
			.containsEntry("cross-origin-resource-policy", 10);
		assertThat(grade.score()).isEqualTo(120);
		assertThat(grade.letter()).isEqualTo("A+");
	}

	@Test
	void bonusesDoNotCountBelowNinety() {
		ObservatoryGrader.Grade grade = ObservatoryGrader.grade(headers(Map.of("Content-Security-Policy",
				"default-src 'none'", "X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
				"Referrer-Policy", "no-referrer")), null);
		// HSTS missing: 100 - 20 = 80 < 90, so the CSP +10 and referrer +5 are not added.
		assertThat(grade.score()).isEqualTo(80);
		assertThat(grade.letter()).isEqualTo("B+");
	}

	@Test
	void unquotedKeywordMakesThePolicyInvalid() {
		assertThat(ObservatoryGrader.csp(headers(Map.of("Content-Security-Policy", "default-src self"))))
			.isEqualTo(-25);
	}

	@Test
	void unsafeInlineScriptsArePenalisedUnlessANonceIsPresent() {
		assertThat(ObservatoryGrader.csp(headers(Map.of("Content-Security-Policy",
				"default-src 'self'; object-src 'none'; script-src 'self' 'unsafe-inline'")))).isEqualTo(-20);
		assertThat(ObservatoryGrader.csp(headers(Map.of("Content-Security-Policy",
				"default-src 'self'; object-src 'none'; script-src 'self' 'unsafe-inline' 'nonce-abc'")))).isEqualTo(5);
	}

	@Test
	void reflectedOriginWithCredentialsCostsFifty() {
		assertThat(ObservatoryGrader.cors(headers(Map.of("Access-Control-Allow-Origin", "https://evil.example",
				"Access-Control-Allow-Credentials", "true")), "https://evil.example")).isEqualTo(-50);
		assertThat(ObservatoryGrader.cors(headers(Map.of("Access-Control-Allow-Origin", "*")), "https://evil.example"))
			.isZero();
	}

	private static HttpHeaders headers(Map<String, String> values) {
		Map<String, List<String>> map = new java.util.HashMap<>();
		values.forEach((k, v) -> map.put(k, List.of(v)));
		return HttpHeaders.of(map, (a, b) -> true);
	}

}
