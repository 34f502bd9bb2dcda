package io.github.hardening.ratelimit;

/**
 * The outcome of drawing a request's tokens from one policy's bucket.
 *
 * @param policy the policy
 * @param allowed whether the tokens were available and taken
 * @param remaining tokens left in the most restrictive bandwidth
 * @param quota the most restrictive bandwidth
 * @param resetNanos nanoseconds until that bandwidth is full again
 * @param retryAfterNanos when rejected, nanoseconds until the request's tokens are available; else 0
 */
public record RateLimitDecision(RateLimitPolicy policy, boolean allowed, long remaining, Quota quota,
		long resetNanos, long retryAfterNanos) {

	/**
	 * Returns the reset time in whole seconds, rounded up.
	 * @return seconds until the bandwidth is full
	 */
	public long resetSeconds() {
		return ceilSeconds(this.resetNanos);
	}

	/**
	 * Returns the Retry-After delay, rounded up and at least one second.
	 * @return seconds to wait
	 */
	public long retryAfterSeconds() {
		return Math.max(1, ceilSeconds(this.retryAfterNanos));
	}

	static long ceilSeconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
