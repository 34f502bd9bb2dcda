package io.github.hardening.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
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

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.RestClient;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.resilience.ClientPipelines;
import io.github.hardening.resilience.ResilienceAutoConfiguration;
import io.github.hardening.resilience.ResilientClientHttpRequestFactory;

/**
 * Latency a successful call gains from the resilience pipeline: the same {@code RestClient} (same request
 * factory, same keep-alive connection pool) with and without it, against a local HTTP server in the same run.
 * The pipeline's cost is mostly the hand-off of each attempt to a worker thread (for the attempt timeout) and
 * the buffering of the body.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ResilientClientBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms per call.
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m", "-Dsun.net.httpserver.nodelay=true" })
public class ResilientClientBenchmark {

	private static final byte[] BODY = "{\"ok\":true}".getBytes();

	private HttpServer server;

	private ExecutorService serverThreads;

	private StarterContext context;

	private RestClient plain;

	private RestClient resilient;

	private RestClient inMemory;

	private RestClient inMemoryResilient;

	@Setup
	public void start() throws IOException {
		this.serverThreads = Executors.newFixedThreadPool(2);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
		this.server.createContext("/ok", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(BODY);
			}
		});
		this.server.setExecutor(this.serverThreads);
		this.server.start();
		this.context = StarterContext.start(Features.class,
				Map.of("management.endpoint.health.probes.enabled", "true"));
		String baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		ClientHttpRequestFactory network = ClientHttpRequestFactoryBuilder.detect().build();
		this.plain = RestClient.builder().baseUrl(baseUrl).requestFactory(network).build();
		this.resilient = RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(new ResilientClientHttpRequestFactory(network, this.context.bean(ClientPipelines.class)))
			.build();
		// The same pair over an in-memory request factory isolates the pipeline's own cost from network noise.
		ClientHttpRequestFactory memory = (uri, method) -> {
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			request.setResponse(new MockClientHttpResponse(BODY, HttpStatus.OK));
			return request;
		};
		this.inMemory = RestClient.builder().baseUrl("http://memory.internal").requestFactory(memory).build();
		this.inMemoryResilient = RestClient.builder()
			.baseUrl("http://memory.internal")
			.requestFactory(new ResilientClientHttpRequestFactory(memory, this.context.bean(ClientPipelines.class)))
			.build();
		FilterPipeline.expect("{\"ok\":true}".equals(call(this.resilient)), "the resilient client reaches the server");
		FilterPipeline.expect("{\"ok\":true}".equals(call(this.inMemoryResilient)), "the in-memory pipeline answers");
		FilterPipeline.expect(this.context.bean(ClientPipelines.class).unmatchedHosts().containsKey("127.0.0.1"),
				"the call went through the pipeline of its host");
	}

	@TearDown
	public void stop() {
		this.context.close();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	@Benchmark
	public String withoutPipeline() {
		return call(this.plain);
	}

	@Benchmark
	public String withPipeline() {
		return call(this.resilient);
	}

	@Benchmark
	public String inMemoryWithoutPipeline() {
		return call(this.inMemory);
	}

	@Benchmark
	public String inMemoryWithPipeline() {
		return call(this.inMemoryResilient);
	}

	private static String call(RestClient client) {
		return client.get().uri("/ok").retrieve().body(String.class);
	}

	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, HttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, ResilienceAutoConfiguration.class })
	static class Features {

	}

}
