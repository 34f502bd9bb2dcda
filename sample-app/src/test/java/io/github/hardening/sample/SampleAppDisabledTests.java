package io.github.hardening.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hardening.enabled=false} leaves the application as if the starter were absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hardening.enabled=false")
class SampleAppDisabledTests {

	@LocalServerPort
	int port;

	@Test
	void noHeadersNoRequestIdNoReport() {
		Http http = new Http(this.port);
		HttpResponse<String> response = http.get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(response.headers().firstValue("X-Request-ID")).isEmpty();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).isEmpty();
		assertThat(http.get("/actuator/hardening").statusCode()).isEqualTo(404);
		assertThat(http.get("/nope").headers().firstValue("Content-Type").orElseThrow())
			.as("Boot's own error body, not ours").startsWith("application/json");
	}

}
