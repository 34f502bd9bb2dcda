package io.github.hardening.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * One way of taking a request's tokens from a bucket held in Redis.
 */
interface RedisDecider {

	/**
	 * Starts a decision.
	 * @param policy the policy
	 * @param key the bucket key, prefixed with the policy name
	 * @param budgetNanos time left for connecting, should that be needed
	 * @return the decision, completed by Redis's answer
	 */
	CompletableFuture<RateLimitDecision> decide(RateLimitPolicy policy, String key, long budgetNanos);

	/**
	 * Returns the name shown in the report.
	 * @return the strategy name
	 */
	String name();

}
