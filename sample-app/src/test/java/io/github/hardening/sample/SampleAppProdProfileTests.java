package io.github.hardening.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.github.hardening.core.StartupAuditor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile starts under the strict audit, redirects plain HTTP and keeps probes reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"SAMPLE_SIGNING_SECRET=" + SampleAppProdProfileTests.TEST_SECRET })
@ActiveProfiles("prod")
class SampleAppProdProfileTests {

	/** A test-only signing secret (32 bytes, base64), standing in for the environment variable. */
	static final String TEST_SECRET = "dGVzdC1vbmx5LXNpZ25pbmctc2VjcmV0LTAxMjM0NTY=";

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	StartupAuditor auditor;

	@Test
	void strictAuditFoundNothing() {
		assertThat(this.auditor.findings()).isEmpty();
	}

	@Test
	void plainHttpIsRedirectedButProbesAreNot() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http.get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(308);
		assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://").endsWith("/api/hello");
		assertThat(http.get("/livez").statusCode()).isEqualTo(200);
		assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void httpsThroughTheProxyIsServedWithHsts() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http
			.send(http.request("/api/hello").header("X-Forwarded-Proto", "https").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void onlyTheProductionFrontEndMayCallTheApi() {
		Http http = new Http(this.port);
		for (String origin : new String[] { "https://app.example.com", "http://localhost:3000" }) {
			HttpResponse<String> response = http.send(http.request("/api/hello")
				.header("X-Forwarded-Proto", "https")
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(response.statusCode()).as(origin).isEqualTo(origin.startsWith("https") ? 200 : 403);
		}
	}

	@Test
	void actuatorIsNotOnTheMainPort() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http
			.send(http.request("/actuator/hardening").header("X-Forwarded-Proto", "https").GET().build());
		assertThat(response.statusCode()).isEqualTo(404);
	}

}
