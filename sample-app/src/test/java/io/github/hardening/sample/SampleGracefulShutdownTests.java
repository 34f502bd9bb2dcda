package io.github.hardening.sample;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real sample process under concurrent slow requests: readiness answers 503 during the drain,
 * every request in flight completes with 200, and the process exits with status 0.
 */
class SampleGracefulShutdownTests {

	private static final int IN_FLIGHT = 4;

	/** Requests in progress; their uri tag is not known yet, so all of them are counted, the scrape included. */
	private static final Pattern ACTIVE = Pattern
		.compile("(?m)^http_server_requests_active_seconds_(?:active_count|gcount)\\{[^}]*} (\\d+)");

	@Test
	void sigtermDrainsThenCompletesInFlightRequestsAndExitsZero() throws Exception {
		try (SampleProcess sample = SampleProcess.start("--hardening.shutdown.drain-delay=2s",
				"--spring.lifecycle.timeout-per-shutdown-phase=20s")) {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
			for (int i = 0; i < IN_FLIGHT; i++) {
				slow.add(client.sendAsync(sample.http().request("/api/slow?ms=5000").GET().build(),
						HttpResponse.BodyHandlers.ofString()));
			}
			awaitInFlight(sample, IN_FLIGHT, slow);

			sample.process().destroy(); // SIGTERM on Linux

			List<Integer> readiness = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!readiness.contains(503) && System.nanoTime() < deadline) {
				readiness.add(sample.http().get("/readyz").statusCode());
				Thread.sleep(100);
			}
			assertThat(readiness).as("readiness during the drain").contains(503);

			for (CompletableFuture<HttpResponse<String>> response : slow) {
				HttpResponse<String> answer = response.get(30, TimeUnit.SECONDS);
				assertThat(answer.statusCode()).isEqualTo(200);
				assertThat(answer.body()).contains("\"sleptMs\":5000");
			}
			assertThat(sample.process().waitFor(60, TimeUnit.SECONDS)).as("process exited").isTrue();
			assertThat(sample.process().exitValue()).as(sample.output()).isZero();
			assertThat(sample.output()).contains("REFUSING_TRAFFIC");
		}
	}

	private static void awaitInFlight(SampleProcess sample, int expected,
			List<CompletableFuture<HttpResponse<String>>> slow) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String scrape = "";
		while (System.nanoTime() < deadline) {
			scrape = sample.http().get("/actuator/prometheus").body();
			Matcher matcher = ACTIVE.matcher(scrape);
			int active = 0;
			while (matcher.find()) {
				active += Integer.parseInt(matcher.group(1));
			}
			if (active > expected) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The slow requests are not all in flight: " + slow + "\n"
				+ scrape.lines().filter((line) -> line.startsWith("http_server_requests_active_seconds_g")).toList());
	}

}
