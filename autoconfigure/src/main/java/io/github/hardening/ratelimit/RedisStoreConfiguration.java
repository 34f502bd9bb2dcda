package io.github.hardening.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.RedisStoreReadinessCheck;
import io.github.hardening.core.RedisUrls;
import io.github.hardening.core.StoreBreaker;

/**
 * The Redis store's beans, only when Lettuce and Bucket4j's Lettuce module are on the classpath, so that the
 * memory store needs no Redis library.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ RedisClient.class, Bucket4jLettuce.class, Caffeine.class })
@ConditionalOnProperty(prefix = "hardening.rate-limit", name = "store", havingValue = "redis")
class RedisStoreConfiguration {

	private static final String PREFIX = "hardening.rate-limit.redis.";

	@Bean
	@ConditionalOnMissingBean
	RedisConnector rateLimitRedisConnector(RateLimitProperties properties, Environment environment) {
		RateLimitProperties.Redis redis = properties.getRedis();
		Duration timeout = redis.getCommandTimeout();
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "command-timeout", timeout,
					"Give a timeout between 1ms and 10s; it bounds every rate-limit decision, e.g. 100ms.");
		}
		if (redis.getFailureThreshold() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "failure-threshold",
					redis.getFailureThreshold(), "Give the consecutive failures that open the breaker, e.g. 3.");
		}
		if (redis.getOpenInterval() == null || redis.getOpenInterval().toMillis() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "open-interval", redis.getOpenInterval(),
					"Give how long a failing Redis is bypassed, e.g. 5s.");
		}
		if (redis.getKeyPrefix() == null || redis.getKeyPrefix().contains("{") || redis.getKeyPrefix().contains("}")) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "key-prefix", redis.getKeyPrefix(),
					"Give a prefix without braces (the bucket key is the Redis Cluster hash tag), e.g. hardening:rl:.");
		}
		String url = RedisUrls.resolve(redis.getUrl(), environment);
		try {
			RedisURI.create(url);
		}
		catch (RuntimeException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "url", "(not shown)",
					"Give a Redis URL such as redis://127.0.0.1:6379: " + ex.getMessage());
		}
		RedisConnector connector = new RedisConnector(url, redis.getKeyPrefix(), timeout);
		connector.connectAtStartup(Duration.ofSeconds(2));
		return connector;
	}

	@Bean
	@ConditionalOnMissingBean(RateLimitStore.class)
	RedisRateLimitStore redisRateLimitStore(RedisConnector connector, RateLimitProperties properties,
			RateLimitRules rules, ObjectProvider<StoreLatency> latency) {
		RateLimitProperties.Redis redis = properties.getRedis();
		StoreBreaker breaker = new StoreBreaker(redis.getFailureThreshold(), redis.getOpenInterval().toNanos(),
				System::nanoTime);
		RedisDecider decider = (redis.getStrategy() == RateLimitProperties.RedisStrategy.CAS)
				? new CasRedisDecider(connector, properties.getMaxKeys(), rules.longestWindow())
				: new ScriptRedisDecider(connector);
		return new RedisRateLimitStore(connector, decider, breaker, redis.getCommandTimeout(),
				latency.getIfAvailable(() -> StoreLatency.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	PenaltyBox rateLimitPenaltyBox(RedisConnector connector, RateLimitProperties properties) {
		RateLimitProperties.Ban ban = BanSettings.validated(properties.getBan());
		return ban.isEnabled() ? new RedisPenaltyBox(connector, connector.keyPrefix(), ban.getThreshold(),
				ban.getWindow(), ban.getDuration()) : PenaltyBox.NONE;
	}

	@Bean
	@ConditionalOnMissingBean(name = "rateLimitRedisReadinessCheck")
	@ConditionalOnExpression("'${hardening.rate-limit.redis.readiness-check:}' == 'true' or "
			+ "('${hardening.rate-limit.redis.readiness-check:}' == '' and "
			+ "'${hardening.rate-limit.failure-mode:open}'.equalsIgnoreCase('closed'))")
	ReadinessCheck rateLimitRedisReadinessCheck(RedisRateLimitStore store, RateLimitProperties properties) {
		// Fail closed: while Redis does not answer, this instance refuses every limited request, so it should not
		// receive traffic.
		return new RedisStoreReadinessCheck("rate-limit-redis", store.breaker(), store.connector()::ping,
				() -> store.connector().describe().get("url"), properties.getRedis().getCommandTimeout().multipliedBy(5));
	}

}
