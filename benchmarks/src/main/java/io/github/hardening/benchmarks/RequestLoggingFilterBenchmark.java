package io.github.hardening.benchmarks;

import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
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
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.mock.web.MockHttpServletRequest;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.LocalHardeningMetrics;
import io.github.hardening.logging.HardeningJsonEncoder;
import io.github.hardening.logging.LoggingAutoConfiguration;
import io.github.hardening.logging.RequestLoggingFilter;

/**
 * Cost per request of the request logging filter, against a no-op filter: request fields in the MDC only
 * (the default), and with the access log on, encoded as masked JSON by {@link HardeningJsonEncoder} into a
 * stream that discards the bytes (so the figure is the filter and the encoding, not the console).
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RequestLoggingFilterBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class RequestLoggingFilterBenchmark {

	private static final Map<String, Object> PROPERTIES = Map.of("management.endpoint.health.probes.enabled", "true");

	private final LongAdder bytes = new LongAdder();

	private StarterContext context;

	private OutputStreamAppender<ILoggingEvent> appender;

	private FilterPipeline noOp;

	private FilterPipeline mdcOnly;

	private FilterPipeline accessLog;

	@Setup
	public void start() throws Exception {
		this.context = StarterContext.start(Features.class, PROPERTIES);
		ClientAddressResolver resolver = this.context.bean(ClientAddressResolver.class);
		LocalHardeningMetrics metrics = new LocalHardeningMetrics();
		this.noOp = FilterPipeline.of(FilterPipeline.NO_OP);
		this.mdcOnly = FilterPipeline.of(this.context.registeredFilter("hardeningRequestLoggingFilterRegistration"));
		this.accessLog = FilterPipeline.of(new RequestLoggingFilter(resolver, true, true,
				metrics.counter("hardening.logging.access.lines", "lines")));
		jsonAccessLog();
		check();
	}

	@TearDown
	public void stop() {
		this.appender.stop();
		this.context.close();
	}

	@Benchmark
	public void baseline(Blackhole blackhole) throws Exception {
		this.noOp.run(get(), blackhole);
	}

	@Benchmark
	public void requestFieldsInMdc(Blackhole blackhole) throws Exception {
		this.mdcOnly.run(get(), blackhole);
	}

	@Benchmark
	public void jsonAccessLogLine(Blackhole blackhole) throws Exception {
		this.accessLog.run(get(), blackhole);
	}

	private static MockHttpServletRequest get() {
		return MockExchanges.request("GET", "/api/hello", MockExchanges.CLIENT, "X-Request-ID", "bench-1",
				"Authorization", "Bearer abc.def.ghi");
	}

	private void jsonAccessLog() {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		HardeningJsonEncoder encoder = new HardeningJsonEncoder();
		encoder.setContext(loggers);
		encoder.start();
		this.appender = new OutputStreamAppender<>();
		this.appender.setContext(loggers);
		this.appender.setEncoder(encoder);
		this.appender.setOutputStream(new OutputStream() {

			@Override
			public void write(int b) {
				RequestLoggingFilterBenchmark.this.bytes.increment();
			}

			@Override
			public void write(byte[] b, int off, int len) {
				RequestLoggingFilterBenchmark.this.bytes.add(len);
			}

		});
		this.appender.start();
		Logger access = loggers.getLogger("hardening.access");
		access.setLevel(Level.INFO);
		access.setAdditive(false);
		access.addAppender(this.appender);
	}

	/**
	 * Fails the run when a variant does not do what it claims.
	 */
	private void check() throws Exception {
		this.mdcOnly.runOnce(get());
		FilterPipeline.expect(this.bytes.sum() == 0, "the default filter writes no access log");
		this.accessLog.runOnce(get());
		FilterPipeline.expect(this.bytes.sum() > 100, "the access log variant encodes a JSON line");
	}

	/**
	 * The features under test, auto-configured as in an application.
	 */
	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, LoggingAutoConfiguration.class })
	static class Features {

	}

}
