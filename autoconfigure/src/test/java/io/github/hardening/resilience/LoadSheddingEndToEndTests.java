package io.github.hardening.resilience;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * N+1 concurrent slow requests against a limit of N over real HTTP: exactly one is shed with 503 problem+json
 * and Retry-After, and the health path still answers.
 */
class LoadSheddingEndToEndTests {

	private static final int LIMIT = 3;

	@Test
	void exactlyTheExcessIsShedAndHealthStaysUp() throws Exception {
		try (RunningWebApp app = RunningWebApp.start(List.of(LoadSheddingAutoConfiguration.class, Slow.class),
				"hardening.load-shedding.enabled=true", "hardening.load-shedding.max-concurrent-requests=" + LIMIT)) {
			Slow slow = app.context().getBean(Slow.class);
			ConcurrencyLimiter limiter = app.context().getBean(ConcurrencyLimiter.class);
			HttpClient client = HttpClient.newHttpClient();
			List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < LIMIT + 1; i++) {
				responses.add(client.sendAsync(app.request("/slow").GET().build(), HttpResponse.BodyHandlers.ofString()));
			}
			// One of the N+1 is refused at once; the N others are held inside the application.
			CompletableFuture.anyOf(responses.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(10)).until(() -> limiter.inFlight() == LIMIT);
			HttpResponse<String> health = app.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			slow.release.countDown();
			List<HttpResponse<String>> all = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> response : responses) {
				all.add(response.get(10, TimeUnit.SECONDS));
			}
			assertThat(all).filteredOn((r) -> r.statusCode() == 200).hasSize(LIMIT);
			List<HttpResponse<String>> shed = all.stream().filter((r) -> r.statusCode() == 503).toList();
			assertThat(shed).hasSize(1);
			HttpResponse<String> refused = shed.get(0);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(refused.body()).contains("https://hardening.github.io/problems/overloaded");
			// The client can read its response before the filter has unwound and returned the permit.
			await().atMost(Duration.ofSeconds(10)).until(() -> limiter.inFlight() == 0);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Slow {

		final CountDownLatch release = new CountDownLatch(1);

		@Bean
		SlowController slowController() {
			return new SlowController(this.release);
		}

	}

	@RestController
	static class SlowController {

		private final CountDownLatch release;

		SlowController(CountDownLatch release) {
			this.release = release;
		}

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			this.release.await(30, TimeUnit.SECONDS);
			return "done";
		}

		@GetMapping("/actuator/health")
		String health() {
			return "{\"status\":\"UP\"}";
		}

	}

}
