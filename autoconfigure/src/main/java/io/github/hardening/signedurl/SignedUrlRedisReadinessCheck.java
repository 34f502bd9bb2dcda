package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.Map;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * Readiness of the Redis single-use store, when asked for with {@code redis.readiness-check=true}. Off by
 * default: every instance shares the same Redis, so all would leave traffic together, a full outage to protect
 * only the single-use links.
 */
class SignedUrlRedisReadinessCheck implements ReadinessCheck {

	private final RedisNonceStore store;

	private final Duration timeout;

	SignedUrlRedisReadinessCheck(RedisNonceStore store, Duration timeout) {
		this.store = store;
		this.timeout = timeout;
	}

	@Override
	public ReadinessResult check() throws Exception {
		if (this.store.breaker().isOpen()) {
			return ReadinessResult.notReady("Redis bypassed after repeated failures");
		}
		if (!this.store.ping(this.timeout)) {
			return ReadinessResult.notReady("Redis did not answer PING");
		}
		return ReadinessResult.ready(Map.of("redis", this.store.describe().get("url")));
	}

	@Override
	public String name() {
		return "signed-url-redis";
	}

}
