package io.github.hardening.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.resilience.ConcurrencyLimiter;
import io.github.hardening.resilience.LoadSheddingAutoConfiguration;

/**
 * Cost per request of the load-shedding filter against a no-op filter in the same run: an admitted request
 * (a permit taken and returned), a request to an excluded health path, and a shed request (the limit is held,
 * the filter writes a 503 problem).
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LoadSheddingFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class LoadSheddingFilterBenchmark {

	private StarterContext admitting;

	private StarterContext full;

	private FilterPipeline noOp;

	private FilterPipeline shedding;

	private FilterPipeline saturated;

	@Setup
	public void start() throws Exception {
		this.admitting = StarterContext.start(Features.class, properties(200));
		this.full = StarterContext.start(Features.class, properties(1));
		ConcurrencyLimiter limiter = this.full.bean(ConcurrencyLimiter.class);
		FilterPipeline.expect(limiter.tryAcquire(), "the single permit can be held");
		this.noOp = FilterPipeline.of(FilterPipeline.NO_OP);
		this.shedding = FilterPipeline.of(this.admitting.registeredFilter("hardeningLoadSheddingFilter"));
		this.saturated = FilterPipeline.of(this.full.registeredFilter("hardeningLoadSheddingFilter"));
		FilterPipeline.expect(this.shedding.runOnce(get("/api/hello")).getStatus() == 200, "a request is admitted");
		MockHttpServletResponse shed = this.saturated.runOnce(get("/api/hello"));
		FilterPipeline.expect(shed.getStatus() == 503 && shed.getHeader("Retry-After") != null,
				"a request over the limit is shed with Retry-After");
		FilterPipeline.expect(this.saturated.runOnce(get("/actuator/health")).getStatus() == 200,
				"health is never shed");
	}

	private static Map<String, Object> properties(int limit) {
		return Map.of("hardening.load-shedding.enabled", "true", "hardening.load-shedding.max-concurrent-requests",
				Integer.toString(limit), "management.endpoint.health.probes.enabled", "true");
	}

	@TearDown
	public void stop() {
		this.admitting.close();
		this.full.close();
	}

	@Benchmark
	public void baseline(Blackhole blackhole) throws Exception {
		this.noOp.run(get("/api/hello"), blackhole);
	}

	@Benchmark
	public void admitted(Blackhole blackhole) throws Exception {
		this.shedding.run(get("/api/hello"), blackhole);
	}

	@Benchmark
	public void excludedHealthPath(Blackhole blackhole) throws Exception {
		this.saturated.run(get("/actuator/health"), blackhole);
	}

	@Benchmark
	public void shed(Blackhole blackhole) throws Exception {
		this.saturated.run(get("/api/hello"), blackhole);
	}

	private static MockHttpServletRequest get(String path) {
		return MockExchanges.request("GET", path, MockExchanges.CLIENT);
	}

	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, JacksonAutoConfiguration.class,
			LoadSheddingAutoConfiguration.class })
	static class Features {

	}

}
