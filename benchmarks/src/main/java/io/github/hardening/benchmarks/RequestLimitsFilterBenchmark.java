package io.github.hardening.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
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

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.sanitize.LimitsAutoConfiguration;
import io.github.hardening.sanitize.SanitizeAutoConfiguration;

/**
 * Cost per request of the body size limit (a small JSON POST whose body the application reads) and of the
 * suspicious-input detector in report mode (a GET with a query parameter), each against a no-op filter with
 * the same request and terminal chain, with the sample app's settings.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RequestLimitsFilterBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RequestLimitsFilterBenchmark {

	private static final byte[] COMMENT = "{\"author\":\"Ann\",\"body\":\"<p>Hello <b>there</b></p>\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final Map<String, Object> PROPERTIES = Map.of("hardening.limits.max-body-size", "1MB",
			"management.endpoint.health.probes.enabled", "true");

	/** Reads the whole body, as a JSON converter does, then writes the small JSON answer. */
	private static final FilterChain READ_BODY = (request, response) -> {
		byte[] buffer = new byte[256];
		InputStream in = request.getInputStream();
		while (in.read(buffer) >= 0) {
			// drain
		}
		FilterPipeline.JSON_HELLO.doFilter(request, response);
	};

	private StarterContext context;

	private FilterPipeline noOpPost;

	private FilterPipeline bodyLimit;

	private FilterPipeline noOpGet;

	private FilterPipeline detector;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, PROPERTIES);
		this.noOpPost = FilterPipeline.of(List.of(FilterPipeline.NO_OP), READ_BODY);
		this.bodyLimit = FilterPipeline.of(List.of(this.context.registeredFilter("hardeningRequestBodyLimitFilter")),
				READ_BODY);
		this.noOpGet = FilterPipeline.of(FilterPipeline.NO_OP);
		this.detector = FilterPipeline.of(this.context.registeredFilter("hardeningSuspiciousInputFilter"));
		MockHttpServletRequest oversized = post();
		oversized.setContent(new byte[2 * 1024 * 1024]);
		FilterPipeline.expect(this.bodyLimit.runOnce(oversized).getStatus() == 413, "an oversized body gets a 413");
		FilterPipeline.expect(this.bodyLimit.runOnce(post()).getStatus() == 200, "a small body passes");
		FilterPipeline.expect(this.detector.runOnce(search("%27%20OR%20%271%27%3D%271")).getStatus() == 200,
				"report mode never refuses");
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void baselinePost(Blackhole blackhole) throws Exception {
		this.noOpPost.run(post(), blackhole);
	}

	@Benchmark
	public void bodyLimitPost(Blackhole blackhole) throws Exception {
		this.bodyLimit.run(post(), blackhole);
	}

	@Benchmark
	public void baselineSearch(Blackhole blackhole) throws Exception {
		this.noOpGet.run(search("Select+a+course+for+O%27Brien"), blackhole);
	}

	@Benchmark
	public void detectorReportSearch(Blackhole blackhole) throws Exception {
		this.detector.run(search("Select+a+course+for+O%27Brien"), blackhole);
	}

	private static MockHttpServletRequest post() {
		MockHttpServletRequest request = MockExchanges.request("POST", "/api/comments", MockExchanges.CLIENT,
				"Content-Type", "application/json");
		request.setContentType("application/json");
		request.setContent(COMMENT);
		return request;
	}

	private static MockHttpServletRequest search(String query) {
		MockHttpServletRequest request = MockExchanges.request("GET", "/api/search", MockExchanges.CLIENT);
		request.setQueryString("q=" + query);
		return request;
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, SanitizeAutoConfiguration.class,
			LimitsAutoConfiguration.class })
	static class Features {

	}

}
