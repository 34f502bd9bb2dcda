package io.github.hardening.resilience;

import java.time.Duration;

/**
 * Settings of the resilience pipeline; every value left unset is inherited from the defaults.
 */
public class ResiliencePolicy {

	/**
	 * Timeouts of a call.
	 */
	private final Timeout timeout = new Timeout();

	/**
	 * Retries of failed attempts.
	 */
	private final Retry retry = new Retry();

	/**
	 * Circuit breaker of the client, which sees every attempt.
	 */
	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	/**
	 * Bulkhead limiting concurrent calls to the client.
	 */
	private final Bulkhead bulkhead = new Bulkhead();

	public Timeout getTimeout() {
		return this.timeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Bulkhead getBulkhead() {
		return this.bulkhead;
	}

	/**
	 * Creates the built-in defaults.
	 * @return a policy with every value set
	 */
	public static ResiliencePolicy withDefaults() {
		ResiliencePolicy policy = new ResiliencePolicy();
		policy.timeout.total = Duration.ofSeconds(10);
		policy.timeout.attempt = Duration.ofSeconds(3);
		policy.retry.enabled = true;
		policy.retry.maxAttempts = 3;
		policy.retry.initialBackoff = Duration.ofMillis(100);
		policy.retry.maxBackoff = Duration.ofSeconds(2);
		policy.retry.multiplier = 2.0;
		policy.retry.maxRetryAfter = Duration.ofSeconds(10);
		policy.retry.nonIdempotent = false;
		policy.retry.budgetRatio = 0.2;
		policy.retry.budgetMinPerSecond = 1;
		policy.retry.budgetWindow = Duration.ofSeconds(10);
		policy.circuitBreaker.failureRateThreshold = 50f;
		policy.circuitBreaker.slowCallRateThreshold = 100f;
		policy.circuitBreaker.slowCallDuration = Duration.ofSeconds(3);
		policy.circuitBreaker.slidingWindowSize = 20;
		policy.circuitBreaker.minimumCalls = 10;
		policy.circuitBreaker.waitInOpen = Duration.ofSeconds(10);
		policy.circuitBreaker.halfOpenCalls = 3;
		policy.bulkhead.maxConcurrentCalls = 25;
		policy.bulkhead.maxWait = Duration.ZERO;
		return policy;
	}

	/**
	 * Timeouts of a call.
	 */
	public static class Timeout {

		/**
		 * Maximum time of the logical call, retries and backoff included.
		 */
		private Duration total;

		/**
		 * Maximum time of one attempt, reading the whole response included.
		 */
		private Duration attempt;

		public Duration getTotal() {
			return this.total;
		}

		public void setTotal(Duration total) {
			this.total = total;
		}

		public Duration getAttempt() {
			return this.attempt;
		}

		public void setAttempt(Duration attempt) {
			this.attempt = attempt;
		}

	}

	/**
	 * Retries of failed attempts.
	 */
	public static class Retry {

		/**
		 * Whether failed attempts are retried.
		 */
		private Boolean enabled;

		/**
		 * Maximum number of attempts per call, the first included.
		 */
		private Integer maxAttempts;

		/**
		 * Backoff cap before the first retry; each retry waits a random time up to the cap (full jitter).
		 */
		private Duration initialBackoff;

		/**
		 * Upper bound of the backoff cap as it grows.
		 */
		private Duration maxBackoff;

		/**
		 * Factor by which the backoff cap grows after each retry.
		 */
		private Double multiplier;

		/**
		 * Longest Retry-After a downstream may ask for; a longer one ends the retries.
		 */
		private Duration maxRetryAfter;

		/**
		 * Whether POST and PATCH are retried even without an Idempotency-Key header.
		 */
		private Boolean nonIdempotent;

		/**
		 * Share of first attempts that retries may add, over the budget window.
		 */
		private Double budgetRatio;

		/**
		 * Retries per second always allowed, so that low traffic can still retry.
		 */
		private Integer budgetMinPerSecond;

		/**
		 * Sliding window over which the retry budget is counted.
		 */
		private Duration budgetWindow;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(Double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public Boolean getNonIdempotent() {
			return this.nonIdempotent;
		}

		public void setNonIdempotent(Boolean nonIdempotent) {
			this.nonIdempotent = nonIdempotent;
		}

		public Double getBudgetRatio() {
			return this.budgetRatio;
		}

		public void setBudgetRatio(Double budgetRatio) {
			this.budgetRatio = budgetRatio;
		}

		public Integer getBudgetMinPerSecond() {
			return this.budgetMinPerSecond;
		}

		public void setBudgetMinPerSecond(Integer budgetMinPerSecond) {
			this.budgetMinPerSecond = budgetMinPerSecond;
		}

		public Duration getBudgetWindow() {
			return this.budgetWindow;
		}

		public void setBudgetWindow(Duration budgetWindow) {
			this.budgetWindow = budgetWindow;
		}

	}

	/**
	 * Circuit breaker of the client, which sees every attempt.
	 */
	public static class CircuitBreaker {

		/**
		 * Failure rate in percent at which the breaker opens.
		 */
		private Float failureRateThreshold;

		/**
		 * Slow-call rate in percent at which the breaker opens.
		 */
		private Float slowCallRateThreshold;

		/**
		 * Duration above which an attempt counts as slow.
		 */
		private Duration slowCallDuration;

		/**
		 * Number of most recent attempts the rates are computed over.
		 */
		private Integer slidingWindowSize;

		/**
		 * Minimum number of attempts in the window before the rates count.
		 */
		private Integer minimumCalls;

		/**
		 * Time the breaker stays open before letting probe calls through.
		 */
		private Duration waitInOpen;

		/**
		 * Number of probe calls in the half-open state that decide whether it closes.
		 */
		private Integer halfOpenCalls;

		public Float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(Float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public Float getSlowCallRateThreshold() {
			return this.slowCallRateThreshold;
		}

		public void setSlowCallRateThreshold(Float slowCallRateThreshold) {
			this.slowCallRateThreshold = slowCallRateThreshold;
		}

		public Duration getSlowCallDuration() {
			return this.slowCallDuration;
		}

		public void setSlowCallDuration(Duration slowCallDuration) {
			this.slowCallDuration = slowCallDuration;
		}

		public Integer getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(Integer slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public Integer getMinimumCalls() {
			return this.minimumCalls;
		}

		public void setMinimumCalls(Integer minimumCalls) {
			this.minimumCalls = minimumCalls;
		}

		public Duration getWaitInOpen() {
			return this.waitInOpen;
		}

		public void setWaitInOpen(Duration waitInOpen) {
			this.waitInOpen = waitInOpen;
		}

		public Integer getHalfOpenCalls() {
			return this.halfOpenCalls;
		}

		public void setHalfOpenCalls(Integer halfOpenCalls) {
			this.halfOpenCalls = halfOpenCalls;
		}

	}

	/**
	 * Bulkhead limiting concurrent calls to the client.
	 */
	public static class Bulkhead {

		/**
		 * Maximum number of concurrent attempts to the client.
		 */
		private Integer maxConcurrentCalls;

		/**
		 * Longest time a call waits for a free slot before it fails.
		 */
		private Duration maxWait;

		public Integer getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
