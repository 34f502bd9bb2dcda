package io.github.hardening.benchmarks;

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
import io.github.hardening.sanitize.SanitizeAutoConfiguration;

/**
 * Cost per GET of the strict percent-encoding check of query parameters, against a no-op filter with the same
 * request and terminal chain (which reads the parameter, as a handler does): a plain ASCII query without
 * {@code %} (the fast path, nothing decoded) and a query with UTF-8 escapes (each escaped pair decoded
 * strictly once).
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ParameterEncodingFilterBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class ParameterEncodingFilterBenchmark {

	private static final String FOUND = "io.github.hardening.sanitize.MalformedParameters";

	private static final String PLAIN = "q=Select+a+course&page=2&sort=name";

	private static final String ENCODED = "q=Cr%C3%A8me+br%C3%BBl%C3%A9e&page=2&sort=name";

	/** Reads the parameter, as a handler binding {@code @RequestParam q} does, then answers. */
	private static final FilterChain READ_PARAMETER = (request, response) -> {
		if (request.getParameter("q") == null) {
			throw new IllegalStateException("parameter q missing");
		}
		FilterPipeline.JSON_HELLO.doFilter(request, response);
	};

	private StarterContext context;

	private FilterPipeline noOp;

	private FilterPipeline check;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, Map.of());
		this.noOp = FilterPipeline.of(List.of(FilterPipeline.NO_OP), READ_PARAMETER);
		this.check = FilterPipeline.of(List.of(this.context.registeredFilter("hardeningParameterEncodingFilter")),
				READ_PARAMETER);
		MockHttpServletRequest malformed = search("q=%C3%28");
		this.check.runOnce(malformed);
		FilterPipeline.expect(malformed.getAttribute(FOUND) != null, "a malformed parameter is found");
		MockHttpServletRequest encoded = search(ENCODED);
		this.check.runOnce(encoded);
		FilterPipeline.expect(encoded.getAttribute(FOUND) == null, "a well-formed encoded query passes");
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void baselinePlainQuery(Blackhole blackhole) throws Exception {
		this.noOp.run(search(PLAIN), blackhole);
	}

	@Benchmark
	public void checkPlainQuery(Blackhole blackhole) throws Exception {
		this.check.run(search(PLAIN), blackhole);
	}

	@Benchmark
	public void baselineEncodedQuery(Blackhole blackhole) throws Exception {
		this.noOp.run(search(ENCODED), blackhole);
	}

	@Benchmark
	public void checkEncodedQuery(Blackhole blackhole) throws Exception {
		this.check.run(search(ENCODED), blackhole);
	}

	private static MockHttpServletRequest search(String query) {
		MockHttpServletRequest request = MockExchanges.request("GET", "/api/search", MockExchanges.CLIENT);
		request.setQueryString(query);
		// The mock does not parse its query string; the container would have.
		request.setParameter("q", "x");
		return request;
	}

	/**
	 * The feature under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, SanitizeAutoConfiguration.class })
	static class Features {

	}

}
