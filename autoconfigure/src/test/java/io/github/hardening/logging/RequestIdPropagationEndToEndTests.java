package io.github.hardening.logging;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's id travels on the outbound call a controller makes with Boot's {@code RestClient.Builder}: the
 * downstream (here the same real server) receives the same {@code X-Request-ID}.
 */
class RequestIdPropagationEndToEndTests {

	@Test
	void outboundCallCarriesTheRequestId() {
		try (RunningWebApp app = RunningWebApp.start(List.of(LoggingAutoConfiguration.class,
				RestClientAutoConfiguration.class, CallingController.class))) {
			String body = app.send(app.request("/call").header("X-Request-ID", "trace-me-7").GET().build()).body();
			assertThat(body).contains("\"downstreamSaw\":\"trace-me-7\"");
		}
	}

	@RestController
	static class CallingController {

		private final RestClient.Builder builder;

		private final ApplicationContext context;

		CallingController(RestClient.Builder builder, ApplicationContext context) {
			this.builder = builder;
			this.context = context;
		}

		@GetMapping("/call")
		Map<String, String> call(HttpServletRequest request) {
			int port = ((ServletWebServerApplicationContext) this.context).getWebServer().getPort();
			String seen = this.builder.build().get().uri("http://127.0.0.1:" + port + "/downstream").retrieve().body(String.class);
			return Map.of("downstreamSaw", (seen != null) ? seen : "");
		}

		@GetMapping("/downstream")
		String downstream(@RequestHeader(name = "X-Request-ID", required = false) String id) {
			return (id != null) ? id : "none";
		}

	}

}
