package io.github.hardening.ratelimit;

import java.util.List;

import io.github.bucket4j.BucketState;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;

/**
 * Turns a Bucket4j consumption into a {@link RateLimitDecision}, finding the most restrictive bandwidth when a
 * policy has several. Shared by every store, so that local and remote buckets answer the same way.
 */
final class BucketDecisions {

	private BucketDecisions() {
	}

	static RateLimitDecision fromProbe(RateLimitPolicy policy, ConsumptionProbe probe) {
		return decision(policy, probe, policy.quotas().get(0), probe.getNanosToWaitForReset());
	}

	static RateLimitDecision fromVerbose(RateLimitPolicy policy, VerboseResult<ConsumptionProbe> result) {
		List<Quota> quotas = policy.quotas();
		BucketState state = result.getState();
		int tightest = 0;
		long tightestAvailable = Long.MAX_VALUE;
		for (int i = 0; i < quotas.size(); i++) {
			long available = state.getCurrentSize(i);
			if (available < tightestAvailable) {
				tightest = i;
				tightestAvailable = available;
			}
		}
		Quota quota = quotas.get(tightest);
		return decision(policy, result.getValue(), quota, quota.nanosToFull(tightestAvailable));
	}

	private static RateLimitDecision decision(RateLimitPolicy policy, ConsumptionProbe probe, Quota quota,
			long resetNanos) {
		return decision(policy, probe.isConsumed(), probe.getRemainingTokens(), quota, resetNanos,
				probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
	}

	static RateLimitDecision decision(RateLimitPolicy policy, boolean consumed, long remaining, Quota quota,
			long resetNanos, long retryAfterNanos) {
		long retryAfter = consumed ? 0 : retryAfterNanos;
		return new RateLimitDecision(policy, consumed, remaining, quota, Math.max(resetNanos, retryAfter), retryAfter);
	}

}
