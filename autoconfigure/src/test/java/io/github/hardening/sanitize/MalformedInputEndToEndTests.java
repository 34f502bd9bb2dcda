package io.github.hardening.sanitize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RawHttp;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed UTF-8 and broken percent escapes in query strings, form bodies and paths, sent as raw bytes over
 * a socket ({@link RawHttp}) so that no client re-encodes or refuses them.
 */
class MalformedInputEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	private static RunningWebApp off;

	private static RunningWebApp smallForms;

	@BeforeAll
	static void start() {
		List<Class<?>> sources = List.of(SanitizeAutoConfiguration.class, LimitsAutoConfiguration.class,
				HttpEncodingAutoConfiguration.class, EchoController.class);
		app = RunningWebApp.start(sources);
		off = RunningWebApp.start(sources, "hardening.sanitize.text.mode=off");
		// Without the starter's server defaults, which would outrank properties given to the builder.
		smallForms = RunningWebApp.start(sources, "hardening.limits.server-defaults=false",
				"server.tomcat.max-http-form-post-size=1KB", "server.tomcat.max-parameter-count=3");
	}

	@AfterAll
	static void stop() {
		app.close();
		off.close();
		smallForms.close();
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
	void putFormBodiesWhichSpringsFormContentFilterParsesAreCheckedTooInsteadOfA500() throws Exception {
		assertInvalid(putForm("q=a%zzb"), "q");
		assertInvalid(putForm("q=ok&other=%C3%28"), "other");
		RawResponse fine = putForm("q=caf%C3%A9&other=x+y");
		assertThat(fine.status()).as(fine.body()).isEqualTo(200);
		assertThat(fine.body()).isEqualTo("café|x y");
	}

	private static RawResponse putForm(String body) {
		return new RawResponse(RawHttp.exchange(app.port(), "PUT /form HTTP/1.1",
				"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length(),
				body.getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void formBodyStaysReadableForHandlersThatReadItRaw() throws Exception {
		RawResponse response = postForm(app, "/form-raw?x=1", "q=caf%C3%A9");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("q=caf%C3%A9");
	}

	@Test
	void formBodyOverTheContainersFormSizeIsA413AndItsParameterCountIsKept() throws Exception {
		RawResponse large = postForm(smallForms, "/form", "q=" + "x".repeat(2000));
		assertThat(large.status()).as(large.body()).isEqualTo(413);
		assertThat(large.contentType()).startsWith("application/problem+json");
		assertThat(JSON.readTree(large.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/body-too-large");
		assertThat(JSON.readTree(large.body()).path("limit").asText()).isEqualTo("max-http-form-post-size");
		String body = "q=" + "x".repeat(2000);
		RawResponse put = new RawResponse(RawHttp.exchange(smallForms.port(), "PUT /form HTTP/1.1",
				"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length(),
				body.getBytes(StandardCharsets.US_ASCII)));
		assertThat(put.status()).as(put.body()).isEqualTo(413);
		assertThat(JSON.readTree(put.body()).path("limit").asText()).isEqualTo("max-http-form-post-size");
		RawResponse many = postForm(smallForms, "/form-count?a=1", "b=2&c=3&q=4&d=5");
		assertThat(many.status()).as(many.body()).isEqualTo(200);
		assertThat(many.body()).isEqualTo("[a, b, c]");
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

	static RawResponse get(RunningWebApp target, String pathAndQuery) {
		return new RawResponse(RawHttp.exchange(target.port(), "GET " + pathAndQuery + " HTTP/1.1", "Accept: */*",
				new byte[0]));
	}

	// Percent escapes are ASCII, so the request is exactly these bytes; nothing re-encodes it.
	static RawResponse postForm(RunningWebApp target, String path, String body) {
		return new RawResponse(RawHttp.exchange(target.port(), "POST " + path + " HTTP/1.1",
				"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length(),
				body.getBytes(StandardCharsets.US_ASCII)));
	}

	record RawResponse(RawHttp.Response response) {

		int status() {
			return this.response.status();
		}

		String body() {
			return this.response.body();
		}

		String contentType() {
			for (String line : this.response.raw().split("\r\n")) {
				if (line.isEmpty()) {
					break;
				}
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					return line.substring(13).trim();
				}
			}
			return "";
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

		@RequestMapping(path = "/form", method = { RequestMethod.POST, RequestMethod.PUT })
		String form(@RequestParam String q, @RequestParam(required = false) String other) {
			return (other != null) ? q + "|" + other : q;
		}

		@PostMapping("/form-count")
		String formCount(jakarta.servlet.http.HttpServletRequest request) {
			return request.getParameterMap().keySet().toString();
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
