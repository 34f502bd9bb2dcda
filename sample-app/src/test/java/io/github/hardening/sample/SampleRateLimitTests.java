package io.github.hardening.sample;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code /api/limited}: five requests a minute per client, then 429 problem+json with Retry-After,
 * counted in Prometheus and shown in the hardening report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class SampleRateLimitTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void sixthRequestInAMinuteIsRefusedWith429() throws Exception {
		Http http = new Http(this.port);
		for (int i = 1; i <= 5; i++) {
			HttpResponse<String> response = http.send(http.request("/api/limited")
				.header("X-Forwarded-For", "203.0.113.50").GET().build());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"ok\":true}");
			assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"sample-limited\";q=5;w=60");
			assertThat(response.headers().firstValue("RateLimit").orElseThrow())
				.startsWith("\"sample-limited\";r=" + (5 - i) + ";t=");
		}
		HttpResponse<String> refused = http.send(http.request("/api/limited")
			.header("X-Forwarded-For", "203.0.113.50").GET().build());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.path("type").asText()).endsWith("#quota-exceeded");
		assertThat(problem.path("violated-policies").get(0).asText()).isEqualTo("sample-limited");
		assertThat(http.send(http.request("/api/limited").header("X-Forwarded-For", "203.0.113.51").GET().build())
			.statusCode()).as("another client").isEqualTo(200);

		String metrics = http.get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern(
				"hardening_rate_limit_requests_total\\{[^}]*outcome=\"rejected\"[^}]*policy=\"sample-limited\"[^}]*} [1-9]");
		assertThat(metrics).contains("hardening_rate_limit_bans_active");
		JsonNode report = JSON.readTree(http.get("/actuator/hardening").body()).path("features").path("rate-limit");
		assertThat(report.path("enabled").asBoolean()).isTrue();
		assertThat(report.path("settings").path("policies").get(0).path("name").asText()).isEqualTo("sample-limited");
	}

	@Test
	void actuatorIsNotLimited() {
		Http http = new Http(this.port);
		for (int i = 0; i < 8; i++) {
			HttpResponse<String> response = http.get("/actuator/health");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit")).isEmpty();
		}
	}

}
