package io.github.hardening.core;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client error of Spring MVC and the container, over real HTTP, becomes problem+json with a stable
 * type, the path and the request id, and never leaks exception internals.
 */
class ProblemResponsesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(ValidationAutoConfiguration.class, TestController.class));
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void malformedJsonIsABadRequestWithoutParserDetails() throws Exception {
		HttpResponse<String> response = RunningWebApp.send(app.request("/items")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\",,}"))
			.build());
		JsonNode body = assertProblem(response, 400, "malformed-body");
		assertThat(response.body()).doesNotContain("Jackson", "JsonParse", "com.fasterxml", "line:", "Exception");
		assertThat(body.get("instance").asText()).isEqualTo("/items");
	}

	@Test
	void validationFailureListsEachField() throws Exception {
		HttpResponse<String> response = RunningWebApp.send(app.request("/items")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"  \"}"))
			.build());
		JsonNode body = assertProblem(response, 400, "validation-failed");
		assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("name");
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		assertProblem(app.get("/no/such/thing"), 404, "not-found");
	}

	@Test
	void wrongMethodIsMethodNotAllowedWithAllowHeader() throws Exception {
		HttpResponse<String> response = RunningWebApp
			.send(app.request("/items").DELETE().build());
		assertProblem(response, 405, "method-not-allowed");
		assertThat(response.headers().firstValue("Allow")).hasValueSatisfying((allow) -> assertThat(allow).contains("POST"));
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() throws Exception {
		HttpResponse<String> response = RunningWebApp.send(app.request("/items")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name"))
			.build());
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void missingAndMistypedParametersAreBadRequests() throws Exception {
		assertProblem(app.get("/count"), 400, "missing-parameter");
		assertProblem(app.get("/count?n=abc"), 400, "invalid-parameter");
	}

	@Test
	void serverFailureIsAProblemWithoutStackTrace() throws Exception {
		HttpResponse<String> response = app.get("/boom");
		JsonNode body = assertProblem(response, 500, "internal-error");
		assertThat(response.body()).doesNotContain("IllegalStateException", "secret detail", "at io.github");
		assertThat(body.get("instance").asText()).isEqualTo("/boom");
	}

	@Test
	void responseStatusFromTheApplicationKeepsItsStatus() throws Exception {
		assertProblem(app.get("/teapot"), 418, "http-418");
	}

	@Test
	void requestIdFromTheClientIsEchoedAndIncluded() throws Exception {
		HttpResponse<String> response = RunningWebApp
			.send(app.request("/no/such/thing").header("X-Request-ID", "abc-123.def_4").GET().build());
		JsonNode body = assertProblem(response, 404, "not-found");
		assertThat(body.get("requestId").asText()).isEqualTo("abc-123.def_4");
		assertThat(response.headers().firstValue("X-Request-ID")).hasValue("abc-123.def_4");
	}

	@Test
	void malformedRequestIdIsReplaced() throws Exception {
		HttpResponse<String> response = RunningWebApp
			.send(app.request("/ok").header("X-Request-ID", "bad id with spaces\u00e9").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-ID").orElseThrow()).matches("[a-z0-9]{20}");
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("type").asText()).isEqualTo(ProblemType.BASE_URI + slug);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asText()).isNotBlank();
		assertThat(body.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
		assertThat(body.has("trace")).isFalse();
		assertThat(body.has("exception")).isFalse();
		return body;
	}

	@RestController
	static class TestController {

		@PostMapping("/items")
		Map<String, String> create(@Valid @RequestBody Item item) {
			return Map.of("name", item.name());
		}

		@GetMapping("/count")
		Map<String, Integer> count(@RequestParam int n) {
			return Map.of("n", n);
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("secret detail");
		}

		@GetMapping("/teapot")
		String teapot() {
			throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT);
		}

		@GetMapping("/ok")
		String ok() {
			return "ok";
		}

	}

	record Item(@NotBlank String name) {
	}

}
