package io.github.hardening.logging;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with {@code hardening.logging.format=json} and the access log on, its console output
 * captured: every line is JSON, carries the request fields, and secrets are masked.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLoggingEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void consoleLinesAreJsonWithRequestFieldsAndMaskedSecrets(CapturedOutput output) throws Exception {
		try (RunningWebApp app = RunningWebApp.start(List.of(LoggingAutoConfiguration.class, OrdersController.class),
				"hardening.logging.format=json", "hardening.logging.access-log.enabled=true",
				"logging.level.hardening.access=info", "logging.level.io.github.hardening.logging=info")) {
			app.send(app.request("/orders?sig=abc")
				.header("X-Request-ID", "req-42")
				.header("Authorization", "Bearer sk_live_123")
				.GET()
				.build());
		}
		List<JsonNode> lines = output.getOut().lines().filter((line) -> line.startsWith("{")).map(this::parse).toList();
		JsonNode controllerLine = lines.stream()
			.filter((line) -> line.path("logger").asText().equals(OrdersController.class.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON line from the controller in:\n" + output.getOut()));
		assertThat(controllerLine.get("requestId").asText()).isEqualTo("req-42");
		assertThat(controllerLine.get("method").asText()).isEqualTo("GET");
		assertThat(controllerLine.get("path").asText()).isEqualTo("/orders");
		assertThat(controllerLine.get("clientAddress").asText()).isEqualTo("127.0.0.1");
		assertThat(controllerLine.get("message").asText()).isEqualTo("listing orders for Bearer ****");
		JsonNode access = lines.stream()
			.filter((line) -> line.path("logger").asText().equals("hardening.access"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no access log line in:\n" + output.getOut()));
		assertThat(access.get("status").asInt()).isEqualTo(200);
		assertThat(access.get("durationMs").isNumber()).isTrue();
		assertThat(access.get("requestId").asText()).isEqualTo("req-42");
		assertThat(output.getOut()).doesNotContain("sk_live_123", "sig=abc");
	}

	@Test
	void plainFormatLeavesBootsConsoleAlone(CapturedOutput output) {
		try (RunningWebApp app = RunningWebApp.start(List.of(LoggingAutoConfiguration.class, OrdersController.class),
				"hardening.logging.access-log.enabled=true", "logging.level.hardening.access=info")) {
			app.get("/orders");
		}
		assertThat(output.getOut()).contains("GET /orders 200").doesNotContain("{\"timestamp\"");
	}

	private JsonNode parse(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + line, ex);
		}
	}

	@RestController
	static class OrdersController {

		private static final Logger logger = LoggerFactory.getLogger(OrdersController.class);

		@GetMapping("/orders")
		Map<String, Object> orders(@RequestHeader(name = "Authorization", required = false) String authorization) {
			logger.warn("listing orders for {}", authorization);
			return Map.of("orders", List.of());
		}

	}

}
