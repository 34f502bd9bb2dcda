package io.github.hardening.signedurl;

import java.time.Duration;

import io.lettuce.core.RedisURI;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.hardening.core.RedisUrls;
import io.github.hardening.core.StoreBreaker;

/**
 * Builds the Redis single-use store, finding Redis in {@code hardening.signed-url.redis.url} or else in the
 * application's {@code spring.data.redis.*} settings.
 */
final class SignedUrlRedis {

	private static final String PREFIX = "hardening.signed-url.redis.";

	/** The first connection warms up Netty, which takes longer than a request may wait. */
	private static final Duration STARTUP_CONNECT = Duration.ofSeconds(2);

	private SignedUrlRedis() {
	}

	static RedisNonceStore store(SignedUrlProperties.Redis redis, Environment environment) {
		Duration timeout = redis.getCommandTimeout();
		if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "command-timeout", timeout,
					"Give a timeout between 1ms and 10s; it bounds every single-use check, e.g. 100ms.");
		}
		if (redis.getFailureThreshold() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "failure-threshold",
					redis.getFailureThreshold(), "Give the consecutive failures that open the breaker, e.g. 3.");
		}
		Duration openInterval = redis.getOpenInterval();
		if (openInterval == null || openInterval.toMillis() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "open-interval", openInterval,
					"Give how long a failing Redis is bypassed, e.g. 5s.");
		}
		if (!StringUtils.hasText(redis.getKeyPrefix())) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "key-prefix", redis.getKeyPrefix(),
					"Give a key prefix, e.g. hardening:su:.");
		}
		String url = RedisUrls.resolve(redis.getUrl(), environment);
		try {
			RedisURI.create(url);
		}
		catch (RuntimeException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "url", "(not shown)",
					"Give a Redis URL such as redis://127.0.0.1:6379: " + ex.getMessage());
		}
		RedisNonceStore store = new RedisNonceStore(url, redis.getKeyPrefix(), timeout,
				new StoreBreaker(redis.getFailureThreshold(), openInterval.toNanos(), System::nanoTime));
		store.connectAtStartup(STARTUP_CONNECT);
		return store;
	}

}
