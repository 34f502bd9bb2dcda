package io.github.hardening.sanitize;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RawHttp;
import io.github.hardening.test.RunningWebApp;

import static io.github.hardening.sanitize.SanitizeEndToEndTests.assertProblem;
import static io.github.hardening.sanitize.SanitizeEndToEndTests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request limits over real HTTP: oversized, chunked and lying bodies, and each JSON parser limit.
 */
class LimitsEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int MAX_BODY = 64 * 1024;

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(
				List.of(SanitizeAutoConfiguration.class, LimitsAutoConfiguration.class, LimitsController.class),
				"hardening.limits.max-body-size=64KB", "hardening.limits.json.max-string-length=10000");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void bodiesWithinTheLimitAreRead() {
		RawHttp.Response response = RawHttp.exchange(app.port(), "POST /raw HTTP/1.1", "Content-Length: " + MAX_BODY, new byte[MAX_BODY]);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(String.valueOf(MAX_BODY));
	}

	@Test
	void declaredContentLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
		// The client announces 10 MB and sends 10 bytes: the answer comes without waiting for the rest.
		RawHttp.Response response = RawHttp.exchange(app.port(), "POST /json HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 10485760",
				"{\"a\":1}   ".getBytes(StandardCharsets.UTF_8));
		assertBodyTooLarge(response);
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
		RawHttp.Response json = RawHttp.exchange(app.port(), "POST /json HTTP/1.1", "Content-Type: application/json\r\nTransfer-Encoding: chunked",
				RawHttp.chunked(("{\"a\":[" + "1,".repeat(MAX_BODY / 2) + "1]}").getBytes(StandardCharsets.UTF_8)));
		assertBodyTooLarge(json);
		RawHttp.Response raw = RawHttp.exchange(app.port(), "POST /raw HTTP/1.1", "Transfer-Encoding: chunked", RawHttp.chunked(new byte[MAX_BODY + 1]));
		assertBodyTooLarge(raw);
		RawHttp.Response text = RawHttp.exchange(app.port(), "POST /text HTTP/1.1", "Content-Type: text/plain\r\nTransfer-Encoding: chunked",
				RawHttp.chunked(new byte[3 * MAX_BODY]));
		assertBodyTooLarge(text);
	}

	@Test
	void nestingBombIsA400NamingTheLimit() throws Exception {
		assertJsonLimit(post(app, "/json", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), "max-nesting-depth");
	}

	@Test
	void hugeStringIsA400NamingTheLimit() throws Exception {
		assertJsonLimit(post(app, "/json", "{\"s\":\"" + "x".repeat(20_000) + "\"}"), "max-string-length");
	}

	@Test
	void hugeNumberIsA400NamingTheLimit() throws Exception {
		assertJsonLimit(post(app, "/json", "{\"n\":" + "9".repeat(150) + "}"), "max-number-length");
	}

	@Test
	void hugePropertyNameIsA400NamingTheLimit() throws Exception {
		assertJsonLimit(post(app, "/json", "{\"" + "k".repeat(2000) + "\":1}"), "max-name-length");
	}

	@Test
	void malformedJsonIsA400WithoutParserInternals() throws Exception {
		HttpResponse<String> response = post(app, "/json", "{\"a\": tru");
		assertProblem(response, 400, "malformed-body");
		assertThat(response.body()).doesNotContain("line").doesNotContain("column").doesNotContain("Unrecognized");
	}

	private static void assertJsonLimit(HttpResponse<String> response, String limit) throws Exception {
		assertProblem(response, 400, "json-limit-exceeded");
		assertThat(JSON.readTree(response.body()).path("limit").asText()).isEqualTo(limit);
		assertThat(response.body()).doesNotContain("StreamReadConstraints").doesNotContain("exceeds the maximum");
	}

	private static void assertBodyTooLarge(RawHttp.Response response) throws Exception {
		assertThat(response.status()).as(response.raw()).isEqualTo(413);
		assertThat(response.raw()).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("type").asText()).isEqualTo("https://hardening.github.io/problems/body-too-large");
		assertThat(body.path("limit").asText()).isEqualTo("max-body-size");
		assertThat(body.path("maxBytes").asLong()).isEqualTo(MAX_BODY);
	}

	@RestController
	static class LimitsController {

		@PostMapping("/json")
		Map<String, Object> json(@RequestBody Map<String, Object> body) {
			return Map.of("keys", body.size());
		}

		@PostMapping("/text")
		String text(@RequestBody String body) {
			return String.valueOf(body.length());
		}

		@PostMapping("/raw")
		String raw(HttpServletRequest request) throws IOException {
			return String.valueOf(request.getInputStream().readAllBytes().length);
		}

	}

}
