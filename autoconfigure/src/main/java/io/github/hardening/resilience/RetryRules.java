package io.github.hardening.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Which calls may be retried, after what, and how long to wait.
 */
final class RetryRules {

	/** Header whose presence makes a POST or PATCH safe to retry. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

	private RetryRules() {
	}

	static boolean methodAllowed(HttpMethod method, HttpHeaders headers, boolean nonIdempotent) {
		return nonIdempotent || IDEMPOTENT.contains(method) || headers.containsKey(IDEMPOTENCY_KEY);
	}

	/**
	 * A refused connection never reached the server, so even a POST is safe to repeat.
	 */
	static boolean neverSent(Throwable failure) {
		return failure instanceof ConnectException;
	}

	/** Statuses that mean "try again later": request timeout, rate limited, gateway and availability errors. */
	static boolean retryableStatus(int status) {
		return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
	}

	/** Statuses the circuit breaker records as failures of the downstream. */
	static boolean failureStatus(int status) {
		return status >= 500;
	}

	/**
	 * Full jitter: a uniformly random wait between 0 and the cap, the cap growing exponentially per retry.
	 * @param retry 1 for the first retry
	 */
	static Duration backoff(int retry, ClientSettings.RetrySettings settings) {
		double cap = settings.initialBackoff().toNanos() * Math.pow(settings.multiplier(), retry - 1);
		long capNanos = (long) Math.min(cap, settings.maxBackoff().toNanos());
		return Duration.ofNanos((capNanos > 0) ? ThreadLocalRandom.current().nextLong(capNanos + 1) : 0);
	}

	/**
	 * Parses {@code Retry-After} as delay-seconds or an HTTP-date.
	 * @return the delay (0 for a date in the past), or {@code null} when absent or malformed
	 */
	static Duration retryAfter(HttpHeaders headers, Instant now) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			return (value.length() > 9) ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(now, at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
