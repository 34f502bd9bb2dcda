package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.hardening.test.RedisTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lua token bucket against a real Redis: the same answers as the memory store's Bucket4j arithmetic.
 */
class TokenBucketScriptTests {

	private RedisConnector connector;

	private ScriptRedisDecider decider;

	@BeforeEach
	void connect() {
		this.connector = new RedisConnector(RedisTestSupport.redisUrl(), "hardening:test:" + UUID.randomUUID() + ":",
				Duration.ofSeconds(2));
		this.decider = new ScriptRedisDecider(this.connector);
	}

	@AfterEach
	void close() {
		this.connector.destroy();
	}

	@Test
	void admitsExactlyTheCapacityThenRejectsWithARetryDelay() throws Exception {
		RateLimitPolicy policy = MemoryRateLimitStoreTests.policy("five", 5, 60);
		for (int i = 4; i >= 0; i--) {
			RateLimitDecision decision = decide(policy, "five:k");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(i);
		}
		RateLimitDecision rejected = decide(policy, "five:k");
		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.remaining()).isZero();
		assertThat(rejected.retryAfterSeconds()).isBetween(11L, 12L);
		assertThat(rejected.resetSeconds()).isBetween(59L, 60L);
		assertThat(decide(policy, "five:other").allowed()).isTrue();
	}

	@Test
	void reportsTheMostRestrictiveBandwidthAndKeepsEveryBandwidth() throws Exception {
		RateLimitPolicy policy = MemoryRateLimitStoreTests.policy("api", 100, 60, 3, 1);
		RateLimitDecision first = decide(policy, "api:k");
		assertThat(first.quota().name()).isEqualTo("api-1s");
		assertThat(first.remaining()).isEqualTo(2);
		decide(policy, "api:k");
		decide(policy, "api:k");
		RateLimitDecision rejected = decide(policy, "api:k");
		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.quota().name()).isEqualTo("api-1s");
		assertThat(rejected.retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void loadsTheScriptAgainAfterRedisForgotIt() throws Exception {
		RateLimitPolicy policy = MemoryRateLimitStoreTests.policy("flush", 5, 60);
		assertThat(decide(policy, "flush:k").allowed()).isTrue();
		this.connector.commands(TimeUnit.SECONDS.toNanos(2)).scriptFlush().get(2, TimeUnit.SECONDS);
		RateLimitDecision after = decide(policy, "flush:k");
		assertThat(after.allowed()).isTrue();
		assertThat(after.remaining()).isEqualTo(3);
	}

	private RateLimitDecision decide(RateLimitPolicy policy, String key) throws Exception {
		return this.decider.decide(policy, key, TimeUnit.SECONDS.toNanos(2)).get(2, TimeUnit.SECONDS);
	}

}
