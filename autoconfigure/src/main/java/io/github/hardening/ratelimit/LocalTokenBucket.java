package io.github.hardening.ratelimit;

import io.github.bucket4j.BucketState;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TimeMeter;

/**
 * One memory-store bucket: Bucket4j's {@link BucketState} arithmetic (greedy refill, consumption, delays) under
 * a monitor, as Bucket4j's own synchronized local bucket does it, but answering with a
 * {@link RateLimitDecision} read straight from the state. The lock-free {@code Bucket} copies its whole state
 * on every consumption and its verbose result copies it again to tell the tightest bandwidth; this bucket
 * mutates the state in place, so a decision allocates nothing but itself.
 */
final class LocalTokenBucket {

	/** Bucket4j's default clock for local buckets, so that refills behave as with {@code Bucket.builder()}. */
	private static final TimeMeter CLOCK = TimeMeter.SYSTEM_MILLISECONDS;

	private final BucketState state;

	LocalTokenBucket(RateLimitPolicy policy) {
		this.state = BucketState.createInitialState(policy.configuration(), MathType.INTEGER_64_BITS,
				CLOCK.currentTimeNanos());
	}

	RateLimitDecision tryConsume(RateLimitPolicy policy) {
		long cost = policy.cost();
		long now = CLOCK.currentTimeNanos();
		boolean consumed;
		long remaining;
		long retryAfter = 0;
		long fullRefill;
		int tightest = 0;
		long tightestAvailable;
		synchronized (this) {
			this.state.refillAllBandwidth(now);
			long available = this.state.getAvailableTokens();
			consumed = cost <= available;
			if (consumed) {
				this.state.consume(cost);
				remaining = available - cost;
			}
			else {
				remaining = available;
				retryAfter = this.state.calculateDelayNanosAfterWillBePossibleToConsume(cost, now, true);
			}
			fullRefill = this.state.calculateFullRefillingTime(now);
			tightestAvailable = this.state.getCurrentSize(0);
			for (int i = 1; i < policy.quotas().size(); i++) {
				long size = this.state.getCurrentSize(i);
				if (size < tightestAvailable) {
					tightest = i;
					tightestAvailable = size;
				}
			}
		}
		Quota quota = policy.quotas().get(tightest);
		// One bandwidth: Bucket4j's full-refill time is exact; several: the tightest bandwidth's own refill.
		long resetNanos = (policy.quotas().size() == 1) ? fullRefill : quota.nanosToFull(tightestAvailable);
		return BucketDecisions.decision(policy, consumed, Math.max(0, remaining), quota, resetNanos, retryAfter);
	}

}
