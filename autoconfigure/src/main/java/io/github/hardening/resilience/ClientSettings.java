package io.github.hardening.resilience;

import java.time.Duration;
import java.util.List;

/**
 * The effective, validated settings of one client: its own values with the defaults filled in.
 *
 * @param name client name, also the name of its resilience4j circuit breaker, bulkhead and time limiter
 * @param hosts hosts whose calls belong to it, lower case
 * @param enabled whether its calls go through the pipeline
 * @param critical whether an open breaker makes the instance not ready
 * @param totalTimeout maximum time of the logical call
 * @param attemptTimeout maximum time of one attempt
 * @param retry retry settings
 * @param breaker circuit breaker settings
 * @param maxConcurrentCalls bulkhead size
 * @param maxWait longest wait for a bulkhead slot
 */
public record ClientSettings(String name, List<String> hosts, boolean enabled, boolean critical,
		Duration totalTimeout, Duration attemptTimeout, RetrySettings retry, BreakerSettings breaker,
		int maxConcurrentCalls, Duration maxWait) {

	/**
	 * Returns the same settings under another name, for a host that no client covers.
	 * @param newName the name
	 * @return the renamed settings
	 */
	public ClientSettings named(String newName) {
		return new ClientSettings(newName, List.of(), this.enabled, false, this.totalTimeout, this.attemptTimeout,
				this.retry, this.breaker, this.maxConcurrentCalls, this.maxWait);
	}

	/**
	 * Retry settings.
	 *
	 * @param enabled whether failed attempts are retried
	 * @param maxAttempts attempts per call, the first included
	 * @param initialBackoff backoff cap before the first retry
	 * @param maxBackoff upper bound of the backoff cap
	 * @param multiplier growth of the cap per retry
	 * @param maxRetryAfter longest honoured Retry-After
	 * @param nonIdempotent whether POST and PATCH are retried without an Idempotency-Key
	 * @param budgetRatio share of first attempts retries may add
	 * @param budgetMinPerSecond retries per second always allowed
	 * @param budgetWindow window of the budget
	 */
	public record RetrySettings(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
			double multiplier, Duration maxRetryAfter, boolean nonIdempotent, double budgetRatio,
			int budgetMinPerSecond, Duration budgetWindow) {
	}

	/**
	 * Circuit breaker settings.
	 *
	 * @param failureRateThreshold failure rate in percent that opens it
	 * @param slowCallRateThreshold slow-call rate in percent that opens it
	 * @param slowCallDuration duration above which an attempt is slow
	 * @param slidingWindowSize attempts the rates are computed over
	 * @param minimumCalls attempts needed before the rates count
	 * @param waitInOpen time spent open before probing
	 * @param halfOpenCalls probe calls when half-open
	 */
	public record BreakerSettings(float failureRateThreshold, float slowCallRateThreshold, Duration slowCallDuration,
			int slidingWindowSize, int minimumCalls, Duration waitInOpen, int halfOpenCalls) {
	}

}
