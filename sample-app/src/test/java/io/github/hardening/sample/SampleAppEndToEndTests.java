package io.github.hardening.sample;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.hardening.test.ObservatoryGrader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on its default (dev) profile, over real HTTP on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class SampleAppEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void helloAnswersWithTheApiPreset() throws Exception {
		HttpResponse<String> response = http().get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("hello");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
		assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
	}

	@Test
	void homePageScriptCarriesTheNonceOfItsPolicy() {
		HttpResponse<String> response = http().get("/");
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'").matcher(csp);
		assertThat(nonce.find()).isTrue();
		assertThat(response.body()).contains("<script nonce=\"" + nonce.group(1) + "\">");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
	}

	@Test
	void bothPagesGradeAPlusOverTrustedProxyHttps() {
		for (String path : new String[] { "/", "/api/hello" }) {
			HttpResponse<String> response = http().send(http().request(path)
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.10")
				.header("Origin", "https://observatory.example")
				.GET()
				.build());
			ObservatoryGrader.Grade grade = ObservatoryGrader.grade(response.headers(), "https://observatory.example");
			assertThat(grade.letter()).as(path + " " + grade).isEqualTo("A+");
		}
	}

	@Test
	void unknownPathIsAProblem() throws Exception {
		HttpResponse<String> response = http().get("/nope");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(response.body()).get("type").asText())
			.isEqualTo("https://hardening.github.io/problems/not-found");
	}

	@Test
	void hardeningReportListsEveryFeature() throws Exception {
		HttpResponse<String> response = http().get("/actuator/hardening");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode report = JSON.readTree(response.body());
		assertThat(report.get("mode").asText()).isEqualTo("warn");
		JsonNode features = report.get("features");
		assertThat(features.get("headers").get("enabled").asBoolean()).isTrue();
		assertThat(features.get("client-ip").get("enabled").asBoolean()).isTrue();
		assertThat(features.get("https").get("settings").get("redirect").asBoolean()).isFalse();
		assertThat(features.has("cors")).isTrue();
		assertThat(report.get("findings").toString()).contains("management.endpoints.web.exposure.include");
		assertThat(http().get("/actuator/hardening/headers").statusCode()).isEqualTo(200);
	}

	@Test
	void probesAndMetricsAreExposed() {
		assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(http().get("/readyz").statusCode()).isEqualTo(200);
		String metrics = http().get("/actuator/prometheus").body();
		assertThat(metrics).contains("hardening_https_redirects_total", "hardening_headers_csp_reports_total");
	}

	private Http http() {
		return new Http(this.port);
	}

}
