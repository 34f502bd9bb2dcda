package io.github.hardening.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.test.Multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upload, signed download link, ranges, tampering and one-time links over real HTTP; and the prod profile
 * refusing to start without a signing secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleFilesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

	@TempDir
	static Path root;

	@LocalServerPort
	int port;

	@Autowired
	HardeningMetrics metrics;

	@DynamicPropertySource
	static void storageRoot(DynamicPropertyRegistry registry) {
		registry.add("hardening.storage.root", () -> root.toString());
	}

	@Test
	void uploadAnswersWithASignedLinkThatServesTheFile() throws Exception {
		HttpResponse<String> upload = upload(Multipart.PNG);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(upload.body());
		String url = body.path("url").asText();
		assertThat(url).startsWith("/files/" + body.path("id").asText() + "?exp=").contains("&kid=").contains("&sig=");
		assertThat(upload.headers().firstValue("Location")).hasValue(url);

		Http http = new Http(this.port);
		HttpResponse<byte[]> file = CLIENT.send(http.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(Multipart.PNG);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		HttpResponse<byte[]> range = CLIENT.send(http.request(url).header("Range", "bytes=1-3").GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(Multipart.PNG, 1, 4));
		String etag = file.headers().firstValue("ETag").orElseThrow();
		assertThat(http.send(http.request(url).header("If-None-Match", etag).GET().build()).statusCode()).isEqualTo(304);
	}

	@Test
	void anythingNotValidlySignedIsA403Problem() throws Exception {
		JsonNode body = JSON.readTree(upload(Multipart.PNG).body());
		String url = body.path("url").asText();
		Http http = new Http(this.port);
		for (String bad : new String[] { "/files/" + body.path("id").asText(), url.replace("exp=", "exp=1"),
				url.substring(0, url.length() - 1), "/files/AAAAAAAAAAAAAAAAAAAAAA" + url.substring(url.indexOf('?')) }) {
			HttpResponse<String> response = http.get(bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JSON.readTree(response.body()).path("type").asText())
				.isEqualTo("https://hardening.github.io/problems/signed-url-invalid");
		}
		assertThat(this.metrics.counter("hardening.signed-url.verifications", "", "outcome", "bad-signature").count())
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void singleUseLinkFromTheLinksEndpointWorksOnce() throws Exception {
		String id = JSON.readTree(upload(Multipart.PNG).body()).path("id").asText();
		Http http = new Http(this.port);
		HttpResponse<String> created = http.send(http.request("/api/files/" + id + "/links")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"ttlSeconds\": 300, \"singleUse\": true}"))
			.build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String url = JSON.readTree(created.body()).path("url").asText();
		assertThat(url).contains("nonce=");
		assertThat(http.get(url).statusCode()).isEqualTo(200);
		assertThat(http.get(url).statusCode()).isEqualTo(403);

		HttpResponse<String> tooLong = http.send(http.request("/api/files/" + id + "/links")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"ttlSeconds\": 999999999}"))
			.build());
		assertThat(tooLong.statusCode()).isEqualTo(400);
		HttpResponse<String> unknown = http.send(http.request("/api/files/AAAAAAAAAAAAAAAAAAAAAA/links")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void prodProfileRefusesToStartWithoutASigningSecret() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class).profiles("prod")
			.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off").close())
			.hasStackTraceContaining("hardening.signed-url.keys[0].secret")
			.hasStackTraceContaining("openssl rand -base64 32");
	}

	private HttpResponse<String> upload(byte[] content) {
		Http http = new Http(this.port);
		return http.send(http.request("/api/files")
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("file", "photo.png", "image/png", content))
			.build());
	}

}
