package io.github.hardening.sanitize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
		RawResponse response = exchange("POST /raw HTTP/1.1", "Content-Length: " + MAX_BODY, new byte[MAX_BODY]);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(String.valueOf(MAX_BODY));
	}

	@Test
	void declaredContentLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
		// The client announces 10 MB and sends 10 bytes: the answer comes without waiting for the rest.
		RawResponse response = exchange("POST /json HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 10485760",
				"{\"a\":1}   ".getBytes(StandardCharsets.UTF_8));
		assertBodyTooLarge(response);
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
		RawResponse json = exchange("POST /json HTTP/1.1", "Content-Type: application/json\r\nTransfer-Encoding: chunked",
				chunked(("{\"a\":[" + "1,".repeat(MAX_BODY / 2) + "1]}").getBytes(StandardCharsets.UTF_8)));
		assertBodyTooLarge(json);
		RawResponse raw = exchange("POST /raw HTTP/1.1", "Transfer-Encoding: chunked", chunked(new byte[MAX_BODY + 1]));
		assertBodyTooLarge(raw);
		RawResponse text = exchange("POST /text HTTP/1.1", "Content-Type: text/plain\r\nTransfer-Encoding: chunked",
				chunked(new byte[3 * MAX_BODY]));
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

	private static void assertBodyTooLarge(RawResponse response) throws Exception {
		assertThat(response.status()).as(response.raw()).isEqualTo(413);
		assertThat(response.raw()).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("type").asText()).isEqualTo("https://hardening.github.io/problems/body-too-large");
		assertThat(body.path("limit").asText()).isEqualTo("max-body-size");
		assertThat(body.path("maxBytes").asLong()).isEqualTo(MAX_BODY);
	}

	static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int chunk = 8192;
		for (int offset = 0; offset < body.length; offset += chunk) {
			int length = Math.min(chunk, body.length - offset);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, offset, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/** Sends a request over a plain socket, so that headers such as a lying Content-Length go out as written. */
	static RawResponse exchange(String requestLine, String headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", app.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String head = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n\r\n";
			try {
				out.write(head.getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and stop reading before the whole body is sent; the answer is still read.
			}
			return new RawResponse(readResponse(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Reads one complete response without waiting for the connection to close: after refusing a lying
	// Content-Length the server may keep the connection open until its read timeout.
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (true) {
			String text = received.toString(StandardCharsets.UTF_8);
			if (isComplete(text)) {
				return text;
			}
			int n = in.read(buffer);
			if (n < 0) {
				return text;
			}
			received.write(buffer, 0, n);
		}
	}

	private static boolean isComplete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
		if (length.find()) {
			return text.getBytes(StandardCharsets.UTF_8).length >= end + 4 + Integer.parseInt(length.group(1));
		}
		return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
	}

	record RawResponse(String raw) {

		int status() {
			return Integer.parseInt(this.raw.substring(9, 12));
		}

		String body() {
			String body = this.raw.substring(this.raw.indexOf("\r\n\r\n") + 4);
			if (this.raw.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
				StringBuilder out = new StringBuilder();
				int at = 0;
				while (true) {
					int eol = body.indexOf("\r\n", at);
					int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
					if (size == 0) {
						return out.toString();
					}
					out.append(body, eol + 2, eol + 2 + size);
					at = eol + 2 + size + 2;
				}
			}
			return body;
		}

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
