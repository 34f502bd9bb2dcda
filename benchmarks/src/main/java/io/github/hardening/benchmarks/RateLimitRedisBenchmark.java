package io.github.hardening.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitDecision;
import io.github.hardening.ratelimit.RateLimitPolicy;
import io.github.hardening.ratelimit.RateLimitRules;
import io.github.hardening.ratelimit.RateLimitStore;

/**
 * A Redis store decision against a raw Lettuce {@code GET} round trip on the same Redis, in the same run, as
 * latency distributions (read p50 and p99 from the output), for both strategies of the store. Needs Redis at {@code HARDENING_BENCH_REDIS_URL} or
 * {@code redis://127.0.0.1:6379}.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RateLimitRedisBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RateLimitRedisBenchmark {

	private static final String URL = System.getenv().getOrDefault("HARDENING_BENCH_REDIS_URL",
			"redis://127.0.0.1:6379");

	/** The store's strategy: one Lua script round trip, or Bucket4j's compare-and-swap with batching. */
	@Param({ "script", "cas" })
	public String strategy;

	private StarterContext context;

	private RateLimitStore store;

	private RateLimitPolicy policy;

	private RedisClient client;

	private StatefulRedisConnection<String, String> connection;

	private RedisAsyncCommands<String, String> raw;

	@Setup
	public void start() {
		this.context = StarterContext.start(Features.class, Map.of("hardening.rate-limit.redis.strategy", this.strategy,
				"hardening.rate-limit.store", "redis", "hardening.rate-limit.redis.url", URL,
				"hardening.rate-limit.redis.key-prefix", "hardening:bench:", "hardening.rate-limit.redis.command-timeout",
				"1s", "hardening.rate-limit.policies[0].name", "api", "hardening.rate-limit.policies[0].match.paths",
				"/api/**", "hardening.rate-limit.policies[0].limits[0].capacity", "1000000000",
				"hardening.rate-limit.policies[0].limits[0].period", "1s"));
		this.store = this.context.bean(RateLimitStore.class);
		this.policy = this.context.bean(RateLimitRules.class).policy("api");
		this.client = RedisClient.create(URL);
		this.connection = this.client.connect();
		this.raw = this.connection.async();
		this.raw.set("hardening:bench:raw", "1");
		FilterPipeline.expect(this.store.tryConsume(this.policy, "203.0.113.7").allowed(),
				"the Redis store admits a request under a limit never reached");
	}

	@TearDown
	public void stop() {
		this.connection.close();
		this.client.shutdown();
		this.context.close();
	}

	@Benchmark
	public String rawLettuceGet() throws Exception {
		return this.raw.get("hardening:bench:raw").get(1, TimeUnit.SECONDS);
	}

	@Benchmark
	public RateLimitDecision redisDecision() {
		return this.store.tryConsume(this.policy, "203.0.113.7");
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, RateLimitAutoConfiguration.class })
	static class Features {

	}

}
