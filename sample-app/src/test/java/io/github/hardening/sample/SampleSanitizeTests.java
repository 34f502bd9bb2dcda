package io.github.hardening.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.hardening.test.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's comment and search endpoints over real HTTP: sanitised input, and each oversized or
 * malformed request answered with the right 4xx problem, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleSanitizeTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void commentIsStoredWithPlainAuthorAndSanitisedBody() throws Exception {
		HttpResponse<String> response = postJson("{\"author\":\"Ame\\u0301lie O'Brien\\u202E\","
				+ "\"body\":\"<p>Select a course <a href=\\\"https://x.example\\\" onclick=\\\"steal()\\\">here</a>"
				+ "<script>alert(1)</script><img src=x onerror=alert(1)></p>\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode comment = JSON.readTree(response.body());
		assertThat(comment.path("author").asText()).isEqualTo("Amélie O'Brien");
		assertThat(comment.path("body").asText()).isEqualTo(
				"<p>Select a course <a href=\"https://x.example\" rel=\"nofollow noopener noreferrer\">here</a></p>");
		assertThat(comment.path("id").asLong()).isPositive();
	}

	@Test
	void htmlInTheAuthorIsA400NamingTheField() throws Exception {
		HttpResponse<String> response = postJson("{\"author\":\"<b>Ann</b>\",\"body\":\"hi\"}");
		assertProblem(response, 400, "validation-failed");
		assertThat(JSON.readTree(response.body()).path("errors").path(0).path("field").asText()).isEqualTo("author");
	}

	@Test
	void searchReturnsTheNormalisedQueryAndLeavesSqlWordsAlone() throws Exception {
		HttpResponse<String> response = http().get("/api/search?q=caf%65%CC%81%20or%201%3D1%E2%80%AE%00");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("q").asText()).isEqualTo("café or 1=1");
	}

	@Test
	void malformedUtf8OrBrokenEscapeIsA400NamingTheParameterOrThePath() throws Exception {
		// Raw bytes: java.net.URI would refuse %zz before sending it.
		for (String query : new String[] { "q=%C3%28", "q=ok%zz", "q=%E2%82" }) {
			assertInvalidText(RawHttp.exchange(this.port, "GET /api/search?" + query + " HTTP/1.1", "Accept: */*",
					new byte[0]), "q");
		}
		assertInvalidText(RawHttp.exchange(this.port, "GET /api/search%C3%28 HTTP/1.1", "Accept: */*", new byte[0]),
				"path");
	}

	private static void assertInvalidText(RawHttp.Response response, String field) throws Exception {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.raw()).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("type").asText()).isEqualTo("https://hardening.github.io/problems/invalid-text");
		assertThat(body.path("field").asText()).isEqualTo(field);
	}

	@Test
	void detectorOnlyReportsAttackLookingQueries() throws Exception {
		HttpResponse<String> response = http().get("/api/search?q=%27%20UNION%20SELECT%20password%20FROM%20users--");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("q").asText()).isEqualTo("' UNION SELECT password FROM users--");
	}

	@Test
	void nestingBombIsA400() throws Exception {
		// Under a property the DTO does not have, so that the parser walks the whole structure.
		assertJsonLimit(postJson("{\"author\":\"a\",\"body\":\"b\",\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
				"max-nesting-depth");
	}

	@Test
	void hugeStringIsA400() throws Exception {
		assertJsonLimit(postJson("{\"author\":\"a\",\"body\":\"" + "x".repeat(200_000) + "\"}"), "max-string-length");
	}

	@Test
	void hugeNumberIsA400() throws Exception {
		assertJsonLimit(postJson("{\"author\":" + "1".repeat(500) + ",\"body\":\"x\"}"), "max-number-length");
	}

	@Test
	void malformedJsonIsA400() throws Exception {
		assertProblem(postJson("{\"author\":\"a\",\"body\":"), 400, "malformed-body");
		assertProblem(postJson("{\"author\":\"a\" \"body\":\"b\"}"), 400, "malformed-body");
		assertProblem(postJson("\u0000"), 400, "malformed-body");
	}

	@Test
	void chunkedOversizedBodyIsA413() throws Exception {
		byte[] body = ("{\"author\":\"a\",\"body\":\"b\",\"extra\":[" + "1,".repeat(600_000) + "1]}")
			.getBytes(StandardCharsets.UTF_8);
		RawHttp.Response response = RawHttp.exchange(this.port, "POST /api/comments HTTP/1.1",
				"Content-Type: application/json\r\nTransfer-Encoding: chunked", RawHttp.chunked(body));
		assertBodyTooLarge(response);
	}

	@Test
	void lyingContentLengthIsA413() throws Exception {
		RawHttp.Response response = RawHttp.exchange(this.port, "POST /api/comments HTTP/1.1",
				"Content-Type: application/json\r\nContent-Length: 50000000",
				"{\"author\":\"a\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8));
		assertBodyTooLarge(response);
	}

	private void assertBodyTooLarge(RawHttp.Response response) throws Exception {
		assertThat(response.status()).as(response.raw()).isEqualTo(413);
		assertThat(response.raw()).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/body-too-large");
	}

	private static void assertJsonLimit(HttpResponse<String> response, String limit) throws Exception {
		assertProblem(response, 400, "json-limit-exceeded");
		assertThat(JSON.readTree(response.body()).path("limit").asText()).isEqualTo(limit);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/" + slug);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("com.fasterxml");
	}

	private HttpResponse<String> postJson(String json) {
		return http().send(http().request("/api/comments")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private Http http() {
		return new Http(this.port);
	}

}
