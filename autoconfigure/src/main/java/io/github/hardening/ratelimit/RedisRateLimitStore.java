package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.hardening.core.StoreBreaker;

/**
 * Buckets in Redis, shared by every instance. Each decision is bounded by the command timeout, whatever Redis
 * does; repeated failures open a {@link StoreBreaker} so that a dead Redis is not asked on every request. How
 * tokens are taken is the {@link RedisDecider}'s business (one Lua script round trip, or Bucket4j's CAS).
 */
public class RedisRateLimitStore implements RateLimitStore {

	private final RedisConnector connector;

	private final RedisDecider decider;

	private final StoreBreaker breaker;

	private final long timeoutNanos;

	private final StoreLatency latency;

	private volatile String lastError = "none";

	RedisRateLimitStore(RedisConnector connector, RedisDecider decider, StoreBreaker breaker, Duration commandTimeout,
			StoreLatency latency) {
		this.connector = connector;
		this.latency = latency;
		this.decider = decider;
		this.breaker = breaker;
		this.timeoutNanos = commandTimeout.toNanos();
	}

	@Override
	public RateLimitDecision tryConsume(RateLimitPolicy policy, String key) {
		if (!this.breaker.allowCall()) {
			throw new RateLimitStoreException("Redis bypassed after repeated failures: " + this.lastError, null);
		}
		long start = System.nanoTime();
		CompletableFuture<RateLimitDecision> future = null;
		try {
			future = this.decider.decide(policy, policy.bucketKey(key), this.timeoutNanos);
			long left = this.timeoutNanos - (System.nanoTime() - start);
			RateLimitDecision decision = future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
			this.latency.record(System.nanoTime() - start, false);
			this.breaker.success();
			return decision;
		}
		catch (TimeoutException ex) {
			future.cancel(false);
			this.latency.record(System.nanoTime() - start, true);
			throw failed("no answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			this.latency.record(System.nanoTime() - start, true);
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

	private RateLimitStoreException failed(String reason, Throwable cause) {
		this.lastError = reason;
		this.breaker.failure();
		return new RateLimitStoreException("Redis rate-limit store failed: " + reason, cause);
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("type", "redis");
		description.put("strategy", this.decider.name());
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
