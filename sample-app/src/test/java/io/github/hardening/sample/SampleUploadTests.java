package io.github.hardening.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.hardening.test.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's upload endpoint over real HTTP: allowed files, a spoofed extension, a type not allowed, a
 * file over 2 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleUploadTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void allowedUploadIsAcceptedWithASafeNameAndTheDetectedType() throws Exception {
		HttpResponse<String> response = upload("..\\..\\CON.png", "application/octet-stream", Multipart.PNG);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("name").asText()).isEqualTo("_CON.png");
		assertThat(body.path("size").asInt()).isEqualTo(Multipart.PNG.length);
		assertThat(body.path("type").asText()).isEqualTo("image/png");

		HttpResponse<String> text = upload("notes.txt", "text/plain", "hello\n".getBytes(StandardCharsets.UTF_8));
		assertThat(text.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(text.body()).path("type").asText()).isEqualTo("text/plain");
	}

	@Test
	void spoofedExtensionIsA415() throws Exception {
		assertProblem(upload("cat.png", "image/png", Multipart.PDF), 415, "upload-type-not-allowed");
	}

	@Test
	void disallowedTypeIsA415() throws Exception {
		assertProblem(upload("tool.exe", "application/octet-stream", Multipart.EXE), 415, "upload-type-not-allowed");
		assertProblem(upload("readme.txt", "text/plain", Multipart.EXE), 415, "upload-type-not-allowed");
	}

	@Test
	void fileOver2MbIsA413() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(Multipart.PDF, 0, big, 0, Multipart.PDF.length);
		assertProblem(upload("big.pdf", "application/pdf", big), 413, "payload-too-large");
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/" + slug);
	}

	private HttpResponse<String> upload(String filename, String declaredType, byte[] content) {
		Http http = new Http(this.port);
		return http.send(http.request("/api/uploads")
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("file", filename, declaredType, content))
			.build());
	}

}
