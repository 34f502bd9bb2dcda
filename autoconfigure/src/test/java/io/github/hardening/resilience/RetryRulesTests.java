package io.github.hardening.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class RetryRulesTests {

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

	@Test
	void retryAfterIsReadAsSecondsOrHttpDate() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(RetryRules.retryAfter(retryAfter("3"), now)).isEqualTo(Duration.ofSeconds(3));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atZone(ZoneOffset.UTC));
		assertThat(RetryRules.retryAfter(retryAfter(date), now)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryRules.retryAfter(retryAfter(date), now.plusSeconds(60))).isZero();
		assertThat(RetryRules.retryAfter(retryAfter("soon"), now)).isNull();
		assertThat(RetryRules.retryAfter(new HttpHeaders(), now)).isNull();
	}

	@Test
	void onlyIdempotentMethodsOrKeyedPostsAreRetried() {
		HttpHeaders none = new HttpHeaders();
		HttpHeaders keyed = new HttpHeaders();
		keyed.set("Idempotency-Key", "k");
		assertThat(RetryRules.methodAllowed(HttpMethod.GET, none, false)).isTrue();
		assertThat(RetryRules.methodAllowed(HttpMethod.PUT, none, false)).isTrue();
		assertThat(RetryRules.methodAllowed(HttpMethod.POST, none, false)).isFalse();
		assertThat(RetryRules.methodAllowed(HttpMethod.PATCH, none, false)).isFalse();
		assertThat(RetryRules.methodAllowed(HttpMethod.POST, keyed, false)).isTrue();
		assertThat(RetryRules.methodAllowed(HttpMethod.POST, none, true)).isTrue();
		assertThat(RetryRules.neverSent(new ConnectException())).isTrue();
	}

	@Test
	void retryableStatusesAreTheTryAgainLaterOnes() {
		assertThat(RetryRules.retryableStatus(503)).isTrue();
		assertThat(RetryRules.retryableStatus(429)).isTrue();
		assertThat(RetryRules.retryableStatus(408)).isTrue();
		assertThat(RetryRules.retryableStatus(500)).isFalse();
		assertThat(RetryRules.retryableStatus(404)).isFalse();
	}

	@Test
	void backoffIsFullJitterUnderACappedExponentialCeiling() {
		ClientSettings.RetrySettings settings = new ClientSettings.RetrySettings(true, 10, Duration.ofMillis(100),
				Duration.ofMillis(800), 2.0, Duration.ofSeconds(10), false, 0.2, 1, Duration.ofSeconds(10));
		for (int i = 0; i < 200; i++) {
			assertThat(RetryRules.backoff(1, settings)).isBetween(Duration.ZERO, Duration.ofMillis(100));
			assertThat(RetryRules.backoff(3, settings)).isBetween(Duration.ZERO, Duration.ofMillis(400));
			assertThat(RetryRules.backoff(9, settings)).isBetween(Duration.ZERO, Duration.ofMillis(800));
		}
	}

}
