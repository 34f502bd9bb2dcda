package io.github.hardening.sample;

import java.net.http.HttpResponse;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/downstream} calls the sample's own {@code /sim/flaky} through the resilience pipeline, over real
 * HTTP both ways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleResilienceTests {

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void closeTheBreaker() {
		// The application context is shared between test classes; each test starts from a closed breaker.
		this.breakers.circuitBreaker("flaky-sim").reset();
	}

	@Test
	void healthyDownstreamAnswersThroughThePipelineWithTheRequestId() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http
			.send(http.request("/api/downstream?failRate=0").header("X-Request-ID", "sample-req-1").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"ok\":true").contains("\"requestId\":\"sample-req-1\"");
	}

	@Test
	void exhaustedAttemptsBecome503ProblemWithRetryAfter() {
		HttpResponse<String> response = new Http(this.port).get("/api/downstream?failRate=1");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body()).contains("https://hardening.github.io/problems/downstream-unavailable")
			.contains("\"client\":\"flaky-sim\"");
	}

	@Test
	void repeatedFailuresOpenTheBreakerAndCallsFailFastWithTheRemainingOpenTime() {
		Http http = new Http(this.port);
		HttpResponse<String> response = null;
		for (int i = 0; i < 10; i++) {
			response = http.get("/api/downstream?failRate=1&status=500");
			if (response.body().contains("circuit-open")) {
				break;
			}
			assertThat(response.statusCode()).isEqualTo(500);
		}
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("https://hardening.github.io/problems/circuit-open");
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 10L);
	}

	@Test
	void simulatedDependencyRefusesNonsenseParameters() {
		HttpResponse<String> response = new Http(this.port).get("/sim/flaky?failRate=2");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void reportShowsResilienceAndLoadShedding() {
		HttpResponse<String> response = new Http(this.port).get("/actuator/hardening");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"resilience\":{\"enabled\":true").contains("flaky-sim")
			.contains("\"load-shedding\":{\"enabled\":true");
	}

}
