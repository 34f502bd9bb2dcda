package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Buckets in this instance's memory, in a Caffeine cache bounded by a number of keys. An idle bucket is dropped
 * once it would have refilled completely, which loses nothing: a new bucket starts full too.
 */
public class MemoryRateLimitStore implements RateLimitStore {

	private final Cache<BucketKey, LocalTokenBucket> buckets;

	private final int maxKeys;

	private final Duration idleExpiry;

	/**
	 * Creates the store.
	 * @param maxKeys most buckets kept; least recently used are evicted beyond it
	 * @param idleExpiry how long an unused bucket is kept: the longest window of any policy
	 */
	public MemoryRateLimitStore(int maxKeys, Duration idleExpiry) {
		this.maxKeys = maxKeys;
		this.idleExpiry = idleExpiry;
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleExpiry).build();
	}

	@Override
	public RateLimitDecision tryConsume(RateLimitPolicy policy, String key) {
		// A method reference that captures nothing: no lambda is allocated on the hit path.
		LocalTokenBucket bucket = this.buckets.get(new BucketKey(policy, key), BucketKey::newBucket);
		return bucket.tryConsume(policy);
	}

	/**
	 * Returns how many buckets are held, after pending evictions ran.
	 * @return the number of keys
	 */
	public long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("type", "memory");
		description.put("max-keys", this.maxKeys);
		description.put("idle-expiry", this.idleExpiry.toString());
		description.put("keys", this.buckets.estimatedSize());
		return description;
	}

	/**
	 * A policy's bucket for one request key. Policies are told apart by identity (each is built once at startup)
	 * and hashed by name, so no per-request "policy:key" string is built and hashed.
	 */
	private static final class BucketKey {

		private final RateLimitPolicy policy;

		private final String key;

		private final int hash;

		BucketKey(RateLimitPolicy policy, String key) {
			this.policy = policy;
			this.key = key;
			this.hash = 31 * policy.name().hashCode() + key.hashCode();
		}

		static LocalTokenBucket newBucket(BucketKey key) {
			return new LocalTokenBucket(key.policy);
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof BucketKey that) && this.policy == that.policy && this.key.equals(that.key);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
