package io.github.hardening.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitDecision;
import io.github.hardening.ratelimit.RateLimitPolicy;
import io.github.hardening.ratelimit.RateLimitRules;
import io.github.hardening.ratelimit.RateLimitStore;
import io.github.hardening.ratelimit.RateLimitStoreException;

/**
 * 64 threads deciding on one hot Redis key whose limit is never reached: decisions per second, and every
 * rejection or store error is a wrongful one (printed at the end of each iteration; the target is 0). That the
 * limit is never exceeded under the same contention is shown by {@code RedisRateLimitEndToEndTests}.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RateLimitRedisHotKeyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RateLimitRedisHotKeyBenchmark {

	private static final String URL = System.getenv().getOrDefault("HARDENING_BENCH_REDIS_URL",
			"redis://127.0.0.1:6379");

	/** The store's strategy. */
	@Param({ "script", "cas" })
	public String strategy;

	private final LongAdder wrongful = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private StarterContext context;

	private RateLimitStore store;

	private RateLimitPolicy policy;

	@Setup
	public void start() {
		this.context = StarterContext.start(Features.class, Map.of("hardening.rate-limit.redis.strategy", this.strategy,
				"hardening.rate-limit.store", "redis", "hardening.rate-limit.redis.url", URL,
				"hardening.rate-limit.redis.key-prefix", "hardening:bench-hot:", "hardening.rate-limit.redis.command-timeout",
				"2s", "hardening.rate-limit.policies[0].name", "hot", "hardening.rate-limit.policies[0].key", "global",
				"hardening.rate-limit.policies[0].limits[0].capacity", "1000000000",
				"hardening.rate-limit.policies[0].limits[0].period", "1s"));
		this.store = this.context.bean(RateLimitStore.class);
		this.policy = this.context.bean(RateLimitRules.class).policy("hot");
	}

	@TearDown(Level.Iteration)
	public void report() {
		System.out.printf("%n%s: wrongful rejections %d, store errors %d%n", this.strategy, this.wrongful.sumThenReset(),
				this.errors.sumThenReset());
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public RateLimitDecision hotKeyDecision() {
		try {
			RateLimitDecision decision = this.store.tryConsume(this.policy, "global");
			if (!decision.allowed()) {
				this.wrongful.increment();
			}
			return decision;
		}
		catch (RateLimitStoreException ex) {
			this.errors.increment();
			return null;
		}
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, RateLimitAutoConfiguration.class })
	static class Features {

	}

}
