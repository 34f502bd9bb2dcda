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
import io.github.hardening.cors.CorsAutoConfiguration;

/**
 * Cost per request of the CORS filter, against a no-op filter in the same run, for each kind of request
 * it sees: no Origin (same-site or non-browser), an allowed and a refused cross-origin GET, an allowed and a
 * refused preflight. Each variant's baseline is built with the same request headers, so the difference is
 * the filter's cost. The policy is the one a single-page app needs: one exact origin, with credentials.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CorsFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class CorsFilterBenchmark {

	private static final String ALLOWED = "https://app.example.com";

	private static final String FOREIGN = "https://evil.example";

	private static final Map<String, Object> PROPERTIES = Map.of("hardening.cors.allowed-origins", ALLOWED,
			"hardening.cors.allow-credentials", "true", "management.endpoint.health.probes.enabled", "true");

	private StarterContext context;

	private FilterPipeline noOp;

	private FilterPipeline cors;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, PROPERTIES);
		Filter filter = this.context.registeredFilter("hardeningCorsFilter");
		this.noOp = FilterPipeline.of(FilterPipeline.NO_OP);
		this.cors = FilterPipeline.of(filter);
		check();
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void baselineNoOrigin(Blackhole blackhole) throws Exception {
		this.noOp.run(get(), blackhole);
	}

	@Benchmark
	public void corsNoOrigin(Blackhole blackhole) throws Exception {
		this.cors.run(get(), blackhole);
	}

	@Benchmark
	public void baselineCrossOrigin(Blackhole blackhole) throws Exception {
		this.noOp.run(get("Origin", ALLOWED), blackhole);
	}

	@Benchmark
	public void corsAllowedGet(Blackhole blackhole) throws Exception {
		this.cors.run(get("Origin", ALLOWED), blackhole);
	}

	@Benchmark
	public void corsRefusedGet(Blackhole blackhole) throws Exception {
		this.cors.run(get("Origin", FOREIGN), blackhole);
	}

	@Benchmark
	public void baselinePreflight(Blackhole blackhole) throws Exception {
		this.noOp.run(preflight(ALLOWED), blackhole);
	}

	@Benchmark
	public void corsAllowedPreflight(Blackhole blackhole) throws Exception {
		this.cors.run(preflight(ALLOWED), blackhole);
	}

	@Benchmark
	public void corsRefusedPreflight(Blackhole blackhole) throws Exception {
		this.cors.run(preflight(FOREIGN), blackhole);
	}

	private static MockHttpServletRequest get(String... headers) {
		return MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT, headers);
	}

	private static MockHttpServletRequest preflight(String origin) {
		return MockExchanges.request("OPTIONS", "/api/hello", MockExchanges.CLIENT, "Origin", origin,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
	}


	/**
	 * Fails the run when a variant does not do what it claims.
	 */
	private void check() throws Exception {
		FilterPipeline.expect(this.cors.runOnce(get("Origin", ALLOWED)).getHeader("Access-Control-Allow-Origin").equals(ALLOWED),
				"an allowed GET gets Access-Control-Allow-Origin");
		FilterPipeline.expect(this.cors.runOnce(get("Origin", FOREIGN)).getHeader("Access-Control-Allow-Origin") == null,
				"a refused GET gets no Access-Control-Allow-Origin");
		MockHttpServletResponse allowed = this.cors.runOnce(preflight(ALLOWED));
		FilterPipeline.expect(allowed.getStatus() == 200 && allowed.getContentLength() <= 0
				&& allowed.getHeader("Access-Control-Allow-Methods") != null,
				"an allowed preflight is answered by the filter");
		MockHttpServletResponse refused = this.cors.runOnce(preflight(FOREIGN));
		FilterPipeline.expect(refused.getStatus() == 403 && refused.getContentType().startsWith("application/problem+json"),
				"a refused preflight gets a 403 problem");
		FilterPipeline.expect(this.cors.runOnce(get()).getHeader("Vary") != null, "responses of a CORS path vary by Origin");
	}



	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, CorsAutoConfiguration.class })
	static class Features {

	}

}
