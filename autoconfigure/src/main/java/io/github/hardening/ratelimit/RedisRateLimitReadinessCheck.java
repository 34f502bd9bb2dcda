package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * Readiness of a Redis store that fails closed: while Redis does not answer, this instance would refuse every
 * limited request, so it should not receive traffic.
 */
class RedisRateLimitReadinessCheck implements ReadinessCheck {

	private final RedisRateLimitStore store;

	private final Duration timeout;

	RedisRateLimitReadinessCheck(RedisRateLimitStore store, Duration timeout) {
		this.store = store;
		this.timeout = timeout;
	}

	@Override
	public ReadinessResult check() throws Exception {
		if (this.store.breaker().isOpen()) {
			return ReadinessResult.notReady("Redis bypassed after repeated failures");
		}
		if (!this.store.connector().ping(this.timeout)) {
			return ReadinessResult.notReady("Redis did not answer PING");
		}
		return ReadinessResult.ready(Map.of("redis", this.store.connector().describe().get("url")));
	}

	@Override
	public String name() {
		return "rate-limit-redis";
	}

}
