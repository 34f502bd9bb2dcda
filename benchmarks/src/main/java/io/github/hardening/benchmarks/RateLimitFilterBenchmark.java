package io.github.hardening.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.ratelimit.RateLimitAutoConfiguration;

/**
 * Cost per request of the rate-limit filter with the memory store, against a no-op filter in the same run: path
 * matching, client address resolution (the key), the Bucket4j decision in the Caffeine-held bucket, and the
 * RateLimit headers. The limit is never reached, as on a healthy production path. A second variant has two
 * policies (burst and sustained) on the path. A path without a policy shows the cost on unlimited paths.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RateLimitFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RateLimitFilterBenchmark {

	private static final Map<String, Object> PROPERTIES = Map.ofEntries(
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("hardening.rate-limit.policies[0].name", "api"),
			Map.entry("hardening.rate-limit.policies[0].match.paths", "/api/hello"),
			Map.entry("hardening.rate-limit.policies[0].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[0].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[1].name", "two"),
			Map.entry("hardening.rate-limit.policies[1].match.paths", "/api/two"),
			Map.entry("hardening.rate-limit.policies[1].limits[0].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[1].limits[0].period", "1s"),
			Map.entry("hardening.rate-limit.policies[1].limits[1].capacity", "1000000000"),
			Map.entry("hardening.rate-limit.policies[1].limits[1].period", "2s"));

	private StarterContext context;

	private FilterPipeline noOp;

	private FilterPipeline rateLimit;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, PROPERTIES);
		Filter filter = this.context.registeredFilter("hardeningRateLimitFilter");
		this.noOp = FilterPipeline.of(FilterPipeline.NO_OP);
		this.rateLimit = FilterPipeline.of(filter);
		check();
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void baseline(Blackhole blackhole) throws Exception {
		this.noOp.run(get("/api/hello"), blackhole);
	}

	@Benchmark
	public void memoryStoreOnePolicy(Blackhole blackhole) throws Exception {
		this.rateLimit.run(get("/api/hello"), blackhole);
	}

	@Benchmark
	public void memoryStoreTwoBandwidths(Blackhole blackhole) throws Exception {
		this.rateLimit.run(get("/api/two"), blackhole);
	}

	@Benchmark
	public void unlimitedPath(Blackhole blackhole) throws Exception {
		this.rateLimit.run(get("/other"), blackhole);
	}

	private static MockHttpServletRequest get(String path) {
		return MockExchanges.request("GET", path, MockExchanges.CLIENT);
	}

	/**
	 * Fails the run when a variant does not do what it claims.
	 */
	private void check() throws Exception {
		MockHttpServletResponse limited = this.rateLimit.runOnce(get("/api/hello"));
		FilterPipeline.expect(limited.getStatus() == 200 && limited.getHeader("RateLimit") != null,
				"a limited path passes with a RateLimit header");
		FilterPipeline.expect(this.rateLimit.runOnce(get("/api/two")).getHeader("RateLimit-Policy").contains("two-2s"),
				"the two-bandwidth path advertises both");
		FilterPipeline.expect(this.rateLimit.runOnce(get("/other")).getHeader("RateLimit") == null,
				"an unlimited path carries no RateLimit header");
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, RateLimitAutoConfiguration.class })
	static class Features {

	}

}
