package io.github.hardening.sample;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile as a real process: everything it prints is JSON, one object per line, and the
 * access log line of a request carries its id, client address, method, path, status and duration.
 */
class SampleJsonLogsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void prodProfilePrintsOnlyJsonLinesWithAccessLogFields() throws Exception {
		List<JsonNode> lines;
		try (SampleProcess sample = SampleProcess.start("--spring.profiles.active=prod", "--management.server.port=0",
				"--SAMPLE_SIGNING_SECRET=" + SampleAppProdProfileTests.TEST_SECRET)) {
			Http http = sample.http();
			int status = http.send(http.request("/api/hello")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.7")
				.header("X-Request-ID", "sample-req-1")
				.GET()
				.build()).statusCode();
			assertThat(status).isEqualTo(200);
			sample.process().destroy();
			sample.process().waitFor();
			String output = sample.output();
			lines = output.lines().filter((line) -> !line.isBlank()).map((line) -> parse(line, output)).toList();
		}
		assertThat(lines).isNotEmpty();
		JsonNode access = lines.stream()
			.filter((line) -> line.path("logger").asText().equals("hardening.access")
					&& line.path("path").asText().equals("/api/hello"))
			.findFirst()
			.orElseThrow();
		assertThat(access.get("requestId").asText()).isEqualTo("sample-req-1");
		assertThat(access.get("clientAddress").asText()).isEqualTo("203.0.113.7");
		assertThat(access.get("method").asText()).isEqualTo("GET");
		assertThat(access.get("status").asInt()).isEqualTo(200);
		assertThat(access.has("durationMs")).isTrue();
		assertThat(access.has("timestamp")).isTrue();
		assertThat(access.get("level").asText()).isEqualTo("INFO");
	}

	private static JsonNode parse(String line, String output) {
		try {
			return JSON.readTree(line);
		}
		catch (Exception ex) {
			throw new AssertionError("Not a JSON line: " + line + "\nin:\n" + output, ex);
		}
	}

}
