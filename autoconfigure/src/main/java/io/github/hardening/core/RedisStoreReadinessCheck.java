package io.github.hardening.core;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Readiness of a feature's Redis store guarded by a {@link StoreBreaker}: not ready while the breaker bypasses
 * Redis or while Redis does not answer PING within the timeout. Each feature decides when to register one.
 */
public final class RedisStoreReadinessCheck implements ReadinessCheck {

	private final String name;

	private final StoreBreaker breaker;

	private final Ping ping;

	private final Supplier<Object> url;

	private final Duration timeout;

	/**
	 * Creates the check.
	 * @param name the check's name in the readiness details
	 * @param breaker the store's breaker
	 * @param ping asks Redis for PONG within a timeout
	 * @param url the Redis address to show, without credentials
	 * @param timeout how long PING may take
	 */
	public RedisStoreReadinessCheck(String name, StoreBreaker breaker, Ping ping, Supplier<Object> url,
			Duration timeout) {
		this.name = name;
		this.breaker = breaker;
		this.ping = ping;
		this.url = url;
		this.timeout = timeout;
	}

	@Override
	public ReadinessResult check() throws Exception {
		if (this.breaker.isOpen()) {
			return ReadinessResult.notReady("Redis bypassed after repeated failures");
		}
		if (!this.ping.ping(this.timeout)) {
			return ReadinessResult.notReady("Redis did not answer PING");
		}
		return ReadinessResult.ready(Map.of("redis", this.url.get()));
	}

	@Override
	public String name() {
		return this.name;
	}

	/** Sends PING to Redis and tells whether PONG came back within the timeout. */
	@FunctionalInterface
	public interface Ping {

		/**
		 * Pings Redis.
		 * @param timeout how long to wait for the answer
		 * @return whether Redis answered PONG in time
		 * @throws Exception when Redis cannot be reached
		 */
		boolean ping(Duration timeout) throws Exception;

	}

}
