package io.github.hardening.sanitize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed UTF-8 and broken percent escapes in query strings, form bodies and paths, sent as raw bytes over
 * a socket so that no client re-encodes them.
 */
class MalformedInputEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	private static RunningWebApp off;

	@BeforeAll
	static void start() {
		List<Class<?>> sources = List.of(SanitizeAutoConfiguration.class, LimitsAutoConfiguration.class,
				HttpEncodingAutoConfiguration.class, EchoController.class);
		app = RunningWebApp.start(sources);
		off = RunningWebApp.start(sources, "hardening.sanitize.text.mode=off");
	}

	@AfterAll
	static void stop() {
		app.close();
		off.close();
	}

	@Test
	void malformedUtf8InTheQueryIsA400NamingTheParameter() throws Exception {
		assertInvalid(get(app, "/echo?q=%C3%28"), "q");
		assertInvalid(get(app, "/echo?q=ok&other=%E2%82"), "other");
		assertInvalid(get(app, "/echo?q=%ED%A0%80"), "q");
		assertInvalid(get(app, "/echo?q=%C0%AF"), "q");
	}

	@Test
	void brokenPercentEscapesInTheQueryAreA400NamingTheParameter() throws Exception {
		assertInvalid(get(app, "/echo?q=a%zzb"), "q");
		assertInvalid(get(app, "/echo?q=ok&tail=%4"), "tail");
		assertInvalid(get(app, "/echo?q=ok&%C3%28=x"), "%C3%28");
	}

	@Test
	void wellFormedEncodedTextPasses() throws Exception {
		RawResponse response = get(app, "/echo?q=caf%C3%A9+%F0%9F%98%80&other=a%2Bb");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("café 😀|a+b");
	}

	@Test
	void rawTextParametersGetWhatTheContainerDecoded() throws Exception {
		RawResponse response = get(app, "/raw?q=ok&token=%C3%28");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ok|\uFFFD(");
		assertInvalid(get(app, "/raw?q=%C3%28&token=x"), "q");
	}

	@Test
	void malformedFormFieldsAreA400NamingTheField() throws Exception {
		assertInvalid(postForm(app, "/form", "q=%C3%28"), "q");
		assertInvalid(postForm(app, "/form", "q=ok&other=%zz"), "other");
		RawResponse fine = postForm(app, "/form", "q=caf%C3%A9&other=x+y");
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
		assertThat(fine.body()).isEqualTo("café|x y");
	}

	@Test
	void formBodyStaysReadableForHandlersThatReadItRaw() throws Exception {
		RawResponse response = postForm(app, "/form-raw?x=1", "q=caf%C3%A9");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("q=caf%C3%A9");
	}

	@Test
	void malformedPathIsA400ProblemNamingThePathInsteadOfTomcatsHtmlPage() throws Exception {
		assertInvalid(get(app, "/items/x%C3%28y"), "path");
		assertInvalid(get(app, "/items/x%zzy"), "path");
		assertInvalid(get(app, "/items/%E2%82"), "path");
		RawResponse fine = get(app, "/items/caf%C3%A9");
		assertThat(fine.body()).isEqualTo("café");
	}

	@Test
	void otherPathsTomcatRefusesKeepTomcatsAnswer() throws Exception {
		RawResponse response = get(app, "/items/%2e%2e/%2e%2e/x");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).doesNotStartWith("application/problem+json");
	}

	@Test
	void textModeOffLeavesMalformedInputToTheContainer() throws Exception {
		RawResponse query = get(off, "/echo?q=%C3%28");
		assertThat(query.status()).as(query.body()).isEqualTo(200);
		assertThat(query.body()).isEqualTo("\uFFFD(");
		RawResponse form = postForm(off, "/form", "q=%C3%28");
		assertThat(form.status()).as(form.body()).isEqualTo(200);
		RawResponse path = get(off, "/items/x%C3%28y");
		assertThat(path.status()).isEqualTo(400);
		assertThat(path.contentType()).doesNotStartWith("application/problem+json");
	}

	private static void assertInvalid(RawResponse response, String field) throws Exception {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("type").asText()).isEqualTo("https://hardening.github.io/problems/invalid-text");
		assertThat(body.path("field").asText()).isEqualTo(field);
	}

	static RawResponse get(RunningWebApp target, String pathAndQuery) throws IOException {
		return exchange(target, "GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
	}

	static RawResponse postForm(RunningWebApp target, String path, String body) throws IOException {
		return exchange(target, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
				+ body);
	}

	// Percent escapes are ASCII, so the request is exactly these bytes; nothing re-encodes it.
	static RawResponse exchange(RunningWebApp target, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", target.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return RawResponse.parse(all.toString(StandardCharsets.UTF_8));
		}
	}

	record RawResponse(int status, String contentType, String body) {

		static RawResponse parse(String text) {
			int headerEnd = text.indexOf("\r\n\r\n");
			String head = text.substring(0, headerEnd);
			String body = text.substring(headerEnd + 4);
			String contentType = "";
			boolean chunked = false;
			for (String line : head.split("\r\n")) {
				String lower = line.toLowerCase();
				if (lower.startsWith("content-type:")) {
					contentType = line.substring(13).trim();
				}
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
			}
			return new RawResponse(Integer.parseInt(head.substring(9, 12)), contentType,
					chunked ? dechunk(body) : body);
		}

		private static String dechunk(String body) {
			StringBuilder out = new StringBuilder();
			int pos = 0;
			while (true) {
				int lineEnd = body.indexOf("\r\n", pos);
				int size = Integer.parseInt(body.substring(pos, lineEnd).trim(), 16);
				if (size == 0) {
					return out.toString();
				}
				// Sizes count bytes; the bodies here are re-measured in UTF-8 to find the chunk's end.
				byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
				String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
				out.append(chunk);
				pos = lineEnd + 2 + chunk.length() + 2;
			}
		}

	}

	@RestController
	static class EchoController {

		@GetMapping("/echo")
		String echo(@RequestParam String q, @RequestParam(required = false) String other) {
			return (other != null) ? q + "|" + other : q;
		}

		@GetMapping("/raw")
		String raw(@RequestParam String q, @RequestParam @RawText String token) {
			return q + "|" + token;
		}

		@PostMapping("/form")
		String form(@RequestParam String q, @RequestParam(required = false) String other) {
			return (other != null) ? q + "|" + other : q;
		}

		@PostMapping("/form-raw")
		String formRaw(@RequestBody String body) {
			return body;
		}

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

	}

}
