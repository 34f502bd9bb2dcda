package io.github.hardening.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's cleanup rule over real HTTP: a dry run reports the old file and deletes nothing, a real run
 * deletes it and keeps the fresh one, and /actuator/hardening shows the rule with its last run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleStorageCleanupTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Value("${sample.cleanup-folder}")
	Path folder;

	@Test
	void aDryRunReportsTheOldFileThenARealRunDeletesItAndKeepsTheFreshOne() throws Exception {
		JsonNode dry = demo(true);
		assertThat(dry.path("outcome").asText()).isEqualTo("COMPLETED");
		JsonNode dryRule = dry.path("rules").get(0);
		assertThat(dryRule.path("dryRun").asBoolean()).isTrue();
		assertThat(dryRule.path("deleted").toString()).contains("demo-old.txt").doesNotContain("demo-new.txt");
		assertThat(this.folder.resolve("demo-old.txt")).exists();

		JsonNode real = demo(false);
		JsonNode rule = real.path("rules").get(0);
		assertThat(rule.path("rule").asText()).isEqualTo("sample-tmp");
		assertThat(rule.path("deleted").toString()).contains("demo-old.txt");
		assertThat(rule.path("filesDeleted").asLong()).isPositive();
		assertThat(this.folder.resolve("demo-old.txt")).doesNotExist();
		assertThat(this.folder.resolve("demo-new.txt")).exists();
		assertThat(Files.isDirectory(this.folder)).isTrue();

		HttpResponse<String> report = new Http(this.port).get("/actuator/hardening/storage-cleanup");
		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		JsonNode entry = JSON.readTree(report.body());
		assertThat(entry.path("enabled").asBoolean()).isTrue();
		JsonNode reportedRule = entry.path("settings").path("rules").get(0);
		assertThat(reportedRule.path("name").asText()).isEqualTo("sample-tmp");
		assertThat(reportedRule.path("last-run").path("deleted").toString()).contains("demo-old.txt");
		assertThat(entry.path("counters").path("runs-completed").asLong()).isGreaterThanOrEqualTo(2);
	}

	private JsonNode demo(boolean dryRun) throws Exception {
		Http http = new Http(this.port);
		HttpResponse<String> response = http.send(http.request("/api/storage-cleanup/demo?dryRun=" + dryRun)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
