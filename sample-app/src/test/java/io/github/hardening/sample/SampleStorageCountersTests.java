package io.github.hardening.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.hardening.test.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real uploads and downloads over HTTP, then what an operator reads: the storage entry of
 * {@code /actuator/hardening} and the {@code hardening_storage_*} series of {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "hardening.storage.max-file-size=1KB")
@AutoConfigureObservability
class SampleStorageCountersTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path root;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void storageRoot(DynamicPropertyRegistry registry) {
		registry.add("hardening.storage.root", () -> root.toString());
	}

	@Test
	void uploadsAndDownloadsShowInTheReportAndInPrometheus() throws Exception {
		Http http = new Http(this.port);
		HttpResponse<String> upload = upload(http, Multipart.PNG);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
		String url = JSON.readTree(upload.body()).path("url").asText();
		HttpResponse<String> tooLarge = upload(http, Arrays.copyOf(Multipart.PNG, 2048));
		assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
		assertThat(JSON.readTree(tooLarge.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/storage-file-too-large");

		HttpResponse<String> full = http.get(url);
		assertThat(full.statusCode()).isEqualTo(200);
		String etag = full.headers().firstValue("ETag").orElseThrow();
		assertThat(http.send(http.request(url).header("If-None-Match", etag).GET().build()).statusCode()).isEqualTo(304);
		assertThat(http.send(http.request(url).header("Range", "bytes=1-3").GET().build()).statusCode()).isEqualTo(206);
		assertThat(http.send(http.request(url).header("Range", "bytes=9999-").GET().build()).statusCode()).isEqualTo(416);

		long size = Multipart.PNG.length;
		JsonNode storage = JSON.readTree(http.get("/actuator/hardening").body()).path("features").path("storage");
		assertThat(storage.path("enabled").asBoolean()).isTrue();
		assertThat(storage.path("settings").path("max-file-size").asText()).isEqualTo("1024B");
		JsonNode counters = storage.path("counters");
		assertThat(counters.path("files-stored").asLong()).isEqualTo(1);
		assertThat(counters.path("bytes-stored").asLong()).isEqualTo(size);
		assertThat(counters.path("uploads-refused-too-large").asLong()).isEqualTo(1);
		assertThat(counters.path("responses-full").asLong()).isEqualTo(1);
		assertThat(counters.path("responses-not-modified").asLong()).isEqualTo(1);
		assertThat(counters.path("responses-partial").asLong()).isEqualTo(1);
		assertThat(counters.path("responses-not-satisfiable").asLong()).isEqualTo(1);
		assertThat(counters.path("bytes-served").asLong()).isEqualTo(size + 3);

		String scrape = http.get("/actuator/prometheus").body();
		assertThat(sample(scrape, "hardening_storage_files_stored_total", "")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_stored_bytes_total", "")).isEqualTo(size);
		assertThat(sample(scrape, "hardening_storage_uploads_refused_total", "reason=\"too-large\"")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_responses_total", "outcome=\"full\"")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_responses_total", "outcome=\"not-modified\"")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_responses_total", "outcome=\"partial\"")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_responses_total", "outcome=\"not-satisfiable\"")).isEqualTo(1);
		assertThat(sample(scrape, "hardening_storage_served_bytes_total", "")).isEqualTo(size + 3);
	}

	private static HttpResponse<String> upload(Http http, byte[] content) {
		return http.send(http.request("/api/files")
			.header("Content-Type", Multipart.contentType())
			.POST(Multipart.file("file", "photo.png", "image/png", content))
			.build());
	}

	/** Reads one series' value; {@code label} is one label the series must carry, or empty. */
	private static double sample(String scrape, String name, String label) {
		Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
		while (line.find()) {
			String labels = (line.group(1) != null) ? line.group(1) : "";
			if (labels.contains(label)) {
				return Double.parseDouble(line.group(2));
			}
		}
		throw new AssertionError(name + "{" + label + "} not in the scrape");
	}

}
