package io.github.hardening.sample;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.hardening.test.Undeletable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cleanup run that cannot delete a file, over real HTTP: the run goes on and reports the failure, the
 * {@code storageCleanup} health component turns DEGRADED (200, readiness untouched) and recovers after a clean
 * run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always", "hardening.storage.cleanup.initial-delay=1h" })
@DirtiesContext
class SampleStorageCleanupHealthTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Path FOLDER = folder();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cleanupFolder(DynamicPropertyRegistry registry) {
		registry.add("sample.cleanup-folder", FOLDER::toString);
	}

	@AfterAll
	static void removeFolder() throws IOException {
		try (Stream<Path> paths = Files.walk(FOLDER)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	@Test
	void aFileTheCleanupCannotDeleteTurnsItsHealthDegradedButKeepsTheInstanceReady() throws Exception {
		Http http = new Http(this.port);
		assertThat(component(http).path("status").asText()).isEqualTo("UP");
		Path stuck = old("uploads/stuck.bin");
		Path other = old("reports/other.bin");
		try (Undeletable undeletable = Undeletable.make(stuck)) {
			JsonNode run = demo(http);
			assertThat(run.path("outcome").asText()).isEqualTo("FAILED");
			JsonNode rule = run.path("rules").get(0);
			assertThat(rule.path("failures").asLong()).isEqualTo(1);
			assertThat(rule.path("errors").toString()).contains(undeletable.deleteError() + " in " + stuck.getParent());
			assertThat(rule.path("deleted").toString()).contains("reports/other.bin").contains("demo-old.txt");

			HttpResponse<String> health = http.get("/actuator/health");
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			JsonNode cleanup = JSON.readTree(health.body()).path("components").path("storageCleanup");
			assertThat(cleanup.path("status").asText()).as(health.body()).isEqualTo("DEGRADED");
			assertThat(cleanup.path("details").path("problems").toString())
				.contains("the last run could not handle 1 files or folders");
			assertThat(cleanup.path("details").path("lastErrors").toString()).contains(undeletable.deleteError());
			assertThat(http.get("/readyz").statusCode()).isEqualTo(200);

			JsonNode report = JSON.readTree(http.get("/actuator/hardening/storage-cleanup").body());
			assertThat(report.path("settings").path("rules").get(0).path("last-run").path("failures").asLong())
				.isEqualTo(1);
			assertThat(report.path("counters").path("last-outcome").asText()).isEqualTo("failed");
		}
		assertThat(stuck).exists();
		assertThat(other).doesNotExist();
		JsonNode clean = demo(http);
		assertThat(clean.path("outcome").asText()).isEqualTo("COMPLETED");
		assertThat(stuck).doesNotExist();
		assertThat(component(http).path("status").asText()).isEqualTo("UP");
	}

	private JsonNode component(Http http) throws Exception {
		HttpResponse<String> response = http.get("/actuator/health/storageCleanup");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private JsonNode demo(Http http) throws Exception {
		HttpResponse<String> response = http.send(http.request("/api/storage-cleanup/demo")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static Path old(String relative) throws IOException {
		Path file = FOLDER.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "old");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
		return file;
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("cleanup-health").toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
