package io.github.hardening.sanitize;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text normalisation over real HTTP: JSON bodies, parameters, path variables and model attributes, in
 * normalize and reject mode.
 */
class SanitizeEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	private static RunningWebApp rejecting;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(SanitizeAutoConfiguration.class, TextController.class));
		rejecting = RunningWebApp.start(List.of(SanitizeAutoConfiguration.class, TextController.class),
				"hardening.sanitize.text.mode=reject");
	}

	@AfterAll
	static void stop() {
		app.close();
		rejecting.close();
	}

	@Test
	void jsonStringsAreNormalisedExceptRawText() throws Exception {
		HttpResponse<String> response = post(app, "/text",
				"{\"name\":\"Ame\\u0301lie\\u0000\",\"tags\":[\"a\\u202Eb\"],\"token\":\"x\\u0000y\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("name").asText()).isEqualTo("Amélie");
		assertThat(body.path("tags").path(0).asText()).isEqualTo("ab");
		assertThat(body.path("token").asText()).isEqualTo("x\u0000y");
	}

	@Test
	void parametersPathVariablesAndModelAttributesAreNormalisedButNotHeaders() throws Exception {
		assertThat(app.get("/param?q=caf%65%CC%81%E2%80%AE").body()).isEqualTo("café");
		assertThat(app.get("/param?q=plain&raw=a%E2%80%AEb").body()).isEqualTo("plain|a\u202Eb");
		assertThat(app.get("/items/x%E2%80%AEy").body()).isEqualTo("xy");
		assertThat(app.get("/model?title=t%C2%85itle").body()).isEqualTo("title");
	}

	@Test
	void unpairedSurrogateInJsonIsA400NamingTheField() throws Exception {
		HttpResponse<String> response = post(app, "/text", "{\"name\":\"ok\",\"tags\":[\"fine\",\"\\uD800\"]}");
		assertProblem(response, 400, "invalid-text");
		assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("tags[1]");
	}

	@Test
	void rejectModeRefusesAnyChangeNamingTheField() throws Exception {
		HttpResponse<String> ok = post(rejecting, "/text", "{\"name\":\"Amélie\",\"tags\":[]}");
		assertThat(ok.statusCode()).isEqualTo(200);

		HttpResponse<String> json = post(rejecting, "/text", "{\"name\":\"a\\u202Eb\"}");
		assertProblem(json, 400, "invalid-text");
		assertThat(JSON.readTree(json.body()).path("field").asText()).isEqualTo("name");
		assertThat(JSON.readTree(json.body()).path("detail").asText()).contains("'name'");

		HttpResponse<String> param = rejecting.get("/param?q=a%00b");
		assertProblem(param, 400, "invalid-text");
		assertThat(JSON.readTree(param.body()).path("field").asText()).isEqualTo("q");

		HttpResponse<String> path = rejecting.get("/items/x%E2%80%AEy");
		assertProblem(path, 400, "invalid-text");
		assertThat(JSON.readTree(path.body()).path("field").asText()).isEqualTo("id");

		HttpResponse<String> raw = rejecting.get("/param?q=plain&raw=a%E2%80%AEb");
		assertThat(raw.statusCode()).isEqualTo(200);
	}

	@Test
	void otherClientErrorsStillGetTheCoreProblems() throws Exception {
		assertProblem(post(app, "/text", "{\"name\": "), 400, "malformed-body");
		assertProblem(post(app, "/text", "[1,2]"), 400, "malformed-body");
		assertProblem(app.get("/number?n=abc"), 400, "invalid-parameter");
	}

	@Test
	void htmlFieldsAreSanitisedWithTheirPolicy() throws Exception {
		HttpResponse<String> response = post(app, "/comment",
				"{\"author\":\"Ann\",\"body\":\"<p onclick=x>Hi <a href=javascript:y>there</a><script>z</script></p>\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("body").asText()).isEqualTo("<p>Hi there</p>");
		assertThat(app.get("/html?text=%3Cb%3Ebold%3C%2Fb%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").body())
			.isEqualTo("bold");
	}

	@Test
	void constraintViolationsAreA400ListingEachField() throws Exception {
		HttpResponse<String> response = post(app, "/comment",
				"{\"author\":\"<b>Ann</b>\",\"body\":\"x\",\"file\":\"../../etc/passwd\"}");
		assertProblem(response, 400, "validation-failed");
		List<String> fields = new java.util.ArrayList<>();
		JSON.readTree(response.body()).path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactlyInAnyOrder("author", "file");
	}

	static HttpResponse<String> post(RunningWebApp target, String path, String json) {
		return RunningWebApp.send(target.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("type").asText()).isEqualTo("https://hardening.github.io/problems/" + slug);
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("jackson");
	}

	record TextBody(String name, List<String> tags, @RawText String token) {
	}

	record CommentBody(@NoHtml @SafeText(maxLength = 50) String author, @SanitizedHtml("basic") String body,
			@SafeFilename String file) {
	}

	static class Form {

		private String title;

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

	}

	@RestController
	static class TextController {

		@PostMapping("/text")
		TextBody text(@RequestBody TextBody body) {
			return body;
		}

		@GetMapping("/param")
		String param(@RequestParam String q, @RequestParam(required = false) @RawText String raw,
				@RequestHeader(name = "X-Note", required = false) String note) {
			return (raw != null) ? q + "|" + raw : q;
		}

		@PostMapping("/comment")
		CommentBody comment(@Valid @RequestBody CommentBody comment) {
			return comment;
		}

		@GetMapping("/html")
		String html(@RequestParam @SanitizedHtml("none") String text) {
			return text;
		}

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@GetMapping("/model")
		String model(@ModelAttribute Form form) {
			return form.getTitle();
		}

		@GetMapping("/number")
		Map<String, Integer> number(@RequestParam int n) {
			return Map.of("n", n);
		}

	}

}
