package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * Buckets in Redis, shared by every instance. Each decision is bounded by the command timeout, whatever Redis
 * does; repeated failures open a {@link StoreBreaker} so that a dead Redis is not asked on every request.
 * Bucket proxies are cached (bounded like the memory store) so that Bucket4j's batching can merge concurrent
 * requests on a hot key into one compare-and-swap round trip instead of a retry storm.
 */
public class RedisRateLimitStore implements RateLimitStore {

	private final RedisConnector connector;

	private final StoreBreaker breaker;

	private final long timeoutNanos;

	private final Cache<String, AsyncBucketProxy> proxies;

	private volatile String lastError = "none";

	RedisRateLimitStore(RedisConnector connector, StoreBreaker breaker, Duration commandTimeout, int maxKeys,
			Duration idleExpiry) {
		this.connector = connector;
		this.breaker = breaker;
		this.timeoutNanos = commandTimeout.toNanos();
		this.proxies = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleExpiry).build();
	}

	@Override
	public RateLimitDecision tryConsume(RateLimitPolicy policy, String key) {
		if (!this.breaker.allowCall()) {
			throw new RateLimitStoreException("Redis bypassed after repeated failures: " + this.lastError, null);
		}
		long start = System.nanoTime();
		CompletableFuture<RateLimitDecision> future = null;
		try {
			AsyncBucketProxy bucket = bucket(policy, key, start);
			future = (policy.quotas().size() == 1)
					? bucket.tryConsumeAndReturnRemaining(policy.cost())
						.thenApply((probe) -> BucketDecisions.fromProbe(policy, probe))
					: bucket.asVerbose().tryConsumeAndReturnRemaining(policy.cost())
						.thenApply((result) -> BucketDecisions.fromVerbose(policy, result));
			long left = this.timeoutNanos - (System.nanoTime() - start);
			RateLimitDecision decision = future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
			this.breaker.success();
			return decision;
		}
		catch (TimeoutException ex) {
			future.cancel(false);
			throw failed("no answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw failed(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failed("interrupted", ex);
		}
		catch (RuntimeException ex) {
			throw failed(ex.toString(), ex);
		}
	}

	private AsyncBucketProxy bucket(RateLimitPolicy policy, String key, long start) {
		AsyncBucketProxy cached = this.proxies.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		AsyncProxyManager<String> manager = this.connector.proxyManager(this.timeoutNanos - (System.nanoTime() - start));
		return this.proxies.get(key, (k) -> manager.builder()
			.withOptimization(Optimizations.batching())
			.build(this.connector.redisKey(k), () -> CompletableFuture.completedFuture(policy.configuration())));
	}

	private RateLimitStoreException failed(String reason, Throwable cause) {
		this.lastError = reason;
		this.breaker.failure();
		return new RateLimitStoreException("Redis rate-limit store failed: " + reason, cause);
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("type", "redis");
		description.putAll(this.connector.describe());
		description.put("command-timeout", Duration.ofNanos(this.timeoutNanos).toString());
		description.put("breaker", this.breaker.isOpen() ? "open" : "closed");
		description.put("consecutive-failures", this.breaker.consecutiveFailures());
		description.put("last-error", this.lastError);
		return description;
	}

	StoreBreaker breaker() {
		return this.breaker;
	}

	RedisConnector connector() {
		return this.connector;
	}

}
