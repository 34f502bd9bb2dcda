package io.github.hardening.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
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

import io.github.hardening.core.ClientAddress;
import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.headers.HeadersAutoConfiguration;
import io.github.hardening.headers.PresetResolver;
import io.github.hardening.headers.SecurityHeadersFilter;
import io.github.hardening.https.HttpsAutoConfiguration;

/**
 * Cost per request of the security headers filter and the core filters, against a no-op filter in the
 * same run. Every invocation builds a fresh mock request and response the same way in every variant, so
 * the difference between a variant and its baseline is the filters' cost. Compare:
 * <ul>
 * <li>{@code headersApiPreset}, {@code headersWebPreset}, {@code coreFilters}, {@code allFilters} with
 * {@code baseline} (a direct client, no forwarding headers);</li>
 * <li>{@code coreFiltersForwarded}, {@code allFiltersForwarded} with {@code baselineForwarded} (a request
 * from a trusted proxy carrying X-Forwarded-For and X-Forwarded-Proto).</li>
 * </ul>
 * {@code apiHeadersSetByHand} is a calibration, not a feature: a trivial filter that checks and sets the
 * same headers as the api preset, which shows how much of {@code headersApiPreset} is the mock response
 * storing headers (it lower-cases every name for its case-insensitive map) rather than the filter's own work.
 * <p>
 * The filters come from the auto-configuration with the sample app's settings (web preset on {@code /} and
 * {@code /app/**}, CSP report endpoint on), so they are the ones users get.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SecurityHeadersFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class SecurityHeadersFilterBenchmark {

	private static final String[] FORWARDED = { "X-Forwarded-For", MockExchanges.CLIENT, "X-Forwarded-Proto",
			"https" };

	/** The sample app's application.yml, as far as these features read it. */
	private static final Map<String, Object> SAMPLE_APP_PROPERTIES = Map.of("hardening.headers.presets[/]", "web",
			"hardening.headers.presets[/app/**]", "web", "hardening.headers.csp.report-endpoint.enabled", "true",
			"management.endpoint.health.probes.enabled", "true");

	private StarterContext context;

	private FilterPipeline noOp;

	private FilterPipeline headers;

	private FilterPipeline core;

	private FilterPipeline all;

	private FilterPipeline apiHeadersByHand;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, SAMPLE_APP_PROPERTIES);
		Filter requestId = this.context.registeredFilter("hardeningRequestIdFilter");
		Filter clientAddress = this.context.registeredFilter("hardeningClientAddressFilter");
		this.noOp = FilterPipeline.of(FilterPipeline.NO_OP);
		this.headers = FilterPipeline.of(this.context.bean(SecurityHeadersFilter.class));
		this.core = FilterPipeline.of(requestId, clientAddress);
		this.all = FilterPipeline.of(this.context.registeredFilters(), FilterPipeline.JSON_HELLO);
		this.apiHeadersByHand = FilterPipeline.of(settingHeaders(apiPresetHeaders()));
		check();
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public void baseline(Blackhole blackhole) throws Exception {
		this.noOp.run(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void headersApiPreset(Blackhole blackhole) throws Exception {
		this.headers.run(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void headersWebPreset(Blackhole blackhole) throws Exception {
		this.headers.run(MockExchanges.request("GET", "/", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void apiHeadersSetByHand(Blackhole blackhole) throws Exception {
		this.apiHeadersByHand.run(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void coreFilters(Blackhole blackhole) throws Exception {
		this.core.run(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void allFilters(Blackhole blackhole) throws Exception {
		this.all.run(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT), blackhole);
	}

	@Benchmark
	public void baselineForwarded(Blackhole blackhole) throws Exception {
		this.noOp.run(MockExchanges.request("GET", "/api/hello", MockExchanges.PROXY, FORWARDED), blackhole);
	}

	@Benchmark
	public void coreFiltersForwarded(Blackhole blackhole) throws Exception {
		this.core.run(MockExchanges.request("GET", "/api/hello", MockExchanges.PROXY, FORWARDED), blackhole);
	}

	@Benchmark
	public void allFiltersForwarded(Blackhole blackhole) throws Exception {
		this.all.run(MockExchanges.request("GET", "/api/hello", MockExchanges.PROXY, FORWARDED), blackhole);
	}


	/**
	 * The headers the api preset sends on a plain HTTP request (no HSTS), as the auto-configuration rendered them.
	 */
	private Map<String, String> apiPresetHeaders() {
		PresetResolver presets = this.context.bean(PresetResolver.class);
		Map<String, String> headers = new LinkedHashMap<>(
				presets.resolve(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT)).describe());
		headers.remove("Strict-Transport-Security");
		return headers;
	}

	/**
	 * A filter that sets headers the way the security headers filter does (each only when missing), with
	 * none of its other work.
	 */
	private static Filter settingHeaders(Map<String, String> headers) {
		String[] names = headers.keySet().toArray(String[]::new);
		String[] values = headers.values().toArray(String[]::new);
		return (request, response, chain) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			for (int i = 0; i < names.length; i++) {
				if (!http.containsHeader(names[i])) {
					http.setHeader(names[i], values[i]);
				}
			}
			chain.doFilter(request, response);
		};
	}

	/**
	 * Fails the run when a variant does not do what it claims, rather than report a fast number for nothing.
	 */
	private void check() throws Exception {
		MockHttpServletResponse plain = this.noOp.runOnce(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT));
		FilterPipeline.expect(plain.getContentAsString().equals("{\"message\":\"hello\"}") && plain.isCommitted(),
				"the terminal chain writes and commits the body");
		FilterPipeline.expect(plain.getHeader("X-Request-ID") == null && plain.getHeader("Content-Security-Policy") == null,
				"the baseline adds no header");
		MockHttpServletResponse api = this.headers.runOnce(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT));
		FilterPipeline.expect(String.valueOf(api.getHeader("Content-Security-Policy")).startsWith("default-src 'none'")
				&& "no-store".equals(api.getHeader("Cache-Control")), "/api/hello gets the api preset");
		MockHttpServletResponse byHand = this.apiHeadersByHand.runOnce(MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT));
		FilterPipeline.expect(byHand.getHeaderNames().equals(api.getHeaderNames())
				&& byHand.getHeader("Content-Security-Policy").equals(api.getHeader("Content-Security-Policy")),
				"the calibration sets the same headers as the api preset");
		MockHttpServletResponse web = this.headers.runOnce(MockExchanges.request("GET", "/", MockExchanges.CLIENT));
		FilterPipeline.expect(String.valueOf(web.getHeader("Content-Security-Policy")).contains("'nonce-")
				&& "SAMEORIGIN".equals(web.getHeader("X-Frame-Options")), "/ gets the web preset with a nonce");
		MockHttpServletRequest forwarded = MockExchanges.request("GET", "/api/hello", MockExchanges.PROXY, FORWARDED);
		MockHttpServletResponse core = this.core.runOnce(forwarded);
		ClientAddress address = (ClientAddress) forwarded.getAttribute(ClientAddressResolver.ATTRIBUTE);
		FilterPipeline.expect(core.getHeader("X-Request-ID") != null && address != null && address.forwarded()
				&& MockExchanges.CLIENT.equals(address.ip()), "the core filters resolve the forwarded client");
		MockHttpServletResponse all = this.all.runOnce(MockExchanges.request("GET", "/api/hello", MockExchanges.PROXY, FORWARDED));
		FilterPipeline.expect(all.getHeader("Strict-Transport-Security") != null && all.getHeader("X-Request-ID") != null,
				"all filters together add HSTS behind a TLS-terminating proxy, and the request id");
	}



	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, HeadersAutoConfiguration.class,
			HttpsAutoConfiguration.class })
	static class Features {

	}

}
