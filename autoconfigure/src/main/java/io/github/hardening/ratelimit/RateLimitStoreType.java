package io.github.hardening.ratelimit;

/**
 * Where rate-limit buckets are kept.
 */
public enum RateLimitStoreType {

	/** In this instance's memory: limits are per instance. */
	MEMORY,

	/** In Redis: limits are shared by every instance. */
	REDIS

}
