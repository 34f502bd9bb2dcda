package io.github.hardening.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's dev profile lets a front-end dev server on http://localhost:3000 call the API, and nobody
 * else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleCorsTests {

	@LocalServerPort
	int port;

	@Test
	void devServerPreflightIsAllowed() {
		HttpResponse<String> response = preflight("http://localhost:3000");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
	}

	@Test
	void foreignPreflightIsRefusedWithAProblem() {
		HttpResponse<String> response = preflight("https://evil.example");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.body()).contains("https://hardening.github.io/problems/cors-rejected");
	}

	@Test
	void foreignSimpleRequestGetsNoAllowOrigin() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http
			.send(http.request("/api/hello").header("Origin", "https://evil.example").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.headers().allValues("Vary").toString()).contains("Origin");
	}

	private HttpResponse<String> preflight(String origin) {
		Http http = new Http(this.port);
		return http.send(http.request("/api/hello")
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
	}

}
