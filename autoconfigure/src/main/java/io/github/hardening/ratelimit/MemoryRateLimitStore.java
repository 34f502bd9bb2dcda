package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this instance's memory, in a Caffeine cache bounded by a number of keys. An idle bucket is dropped
 * once it would have refilled completely, which loses nothing: a new bucket starts full too.
 */
public class MemoryRateLimitStore implements RateLimitStore {

	private final Cache<String, Bucket> buckets;

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
		Bucket bucket = this.buckets.get(key, (k) -> newBucket(policy));
		return BucketDecisions.consume(bucket, policy);
	}

	private static Bucket newBucket(RateLimitPolicy policy) {
		LocalBucketBuilder builder = Bucket.builder();
		for (Bandwidth bandwidth : policy.configuration().getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
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

}
