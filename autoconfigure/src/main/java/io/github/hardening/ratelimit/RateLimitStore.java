package io.github.hardening.ratelimit;

import java.util.Map;

/**
 * Holds the buckets and takes tokens from them.
 */
public interface RateLimitStore {

	/**
	 * Takes a request's tokens from a policy's bucket, creating a full bucket on first use. The bucket is the
	 * policy's and the key's together: two policies with the same key never share a bucket.
	 * @param policy the policy
	 * @param key the request's key as the policy's key resolver gave it (not prefixed with the policy name)
	 * @return the decision
	 * @throws RateLimitStoreException when the store cannot answer
	 */
	RateLimitDecision tryConsume(RateLimitPolicy policy, String key);

	/**
	 * Returns what the store shows in the report (kind, size, state).
	 * @return report entries
	 */
	Map<String, Object> describe();

}
