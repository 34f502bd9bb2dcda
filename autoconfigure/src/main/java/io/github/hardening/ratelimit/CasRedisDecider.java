package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * Decides with Bucket4j's compare-and-swap Redis integration. Bucket proxies are cached (bounded like the memory
 * store) so that Bucket4j's batching can merge concurrent requests on a hot key into one compare-and-swap round
 * trip instead of a retry storm. Its keys differ from the script's ({@code <prefix>cas:{...}}), because the two
 * store bucket state in different formats and a switch of strategy must not misread old keys.
 */
class CasRedisDecider implements RedisDecider {

	private final RedisConnector connector;

	private final Cache<String, AsyncBucketProxy> proxies;

	CasRedisDecider(RedisConnector connector, int maxKeys, Duration idleExpiry) {
		this.connector = connector;
		this.proxies = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleExpiry).build();
	}

	@Override
	public CompletableFuture<RateLimitDecision> decide(RateLimitPolicy policy, String key, long budgetNanos) {
		AsyncBucketProxy bucket = bucket(policy, key, budgetNanos);
		return (policy.quotas().size() == 1)
				? bucket.tryConsumeAndReturnRemaining(policy.cost())
					.thenApply((probe) -> BucketDecisions.fromProbe(policy, probe))
				: bucket.asVerbose().tryConsumeAndReturnRemaining(policy.cost())
					.thenApply((result) -> BucketDecisions.fromVerbose(policy, result));
	}

	@Override
	public String name() {
		return "bucket4j-cas";
	}

	private AsyncBucketProxy bucket(RateLimitPolicy policy, String key, long budgetNanos) {
		AsyncBucketProxy cached = this.proxies.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		AsyncProxyManager<String> manager = this.connector.proxyManager(budgetNanos);
		return this.proxies.get(key, (k) -> manager.builder()
			.withOptimization(Optimizations.batching())
			.build(this.connector.redisKey("cas:", k), () -> CompletableFuture.completedFuture(policy.configuration())));
	}

}
