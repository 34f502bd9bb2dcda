package io.github.hardening.sanitize;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.test.RunningWebApp;

import static io.github.hardening.sanitize.SanitizeEndToEndTests.assertProblem;
import static io.github.hardening.sanitize.SanitizeEndToEndTests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suspicious-input detector over real HTTP: report mode changes nothing but counts; block mode, here
 * on one path only, refuses with 403.
 */
class SuspiciousInputEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(SanitizeAutoConfiguration.class, DetectorController.class),
				"hardening.sanitize.detector.paths.[/strict/**]=block");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void reportModeLeavesTheRequestAloneAndCountsTheMatch() throws Exception {
		double before = count("sql");
		HttpResponse<String> response = app.get("/search?q=%27%20OR%20%271%27%3D%271");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("q").asText()).isEqualTo("' OR '1'='1");
		assertThat(count("sql")).isEqualTo(before + 1);

		double scripts = count("script");
		HttpResponse<String> json = post(app, "/echo", "{\"text\":\"<script>alert(1)</script>\"}");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(json.body()).path("text").asText()).isEqualTo("<script>alert(1)</script>");
		assertThat(count("script")).isEqualTo(scripts + 1);
	}

	@Test
	void blockModeOnAPathRefusesParametersAndJsonStrings() throws Exception {
		HttpResponse<String> parameter = app.get("/strict/search?q=..%2F..%2Fetc%2Fpasswd");
		assertProblem(parameter, 403, "suspicious-input");
		assertThat(JSON.readTree(parameter.body()).path("kind").asText()).isEqualTo("path-traversal");
		assertThat(parameter.body()).doesNotContain("passwd");

		HttpResponse<String> json = post(app, "/strict/echo", "{\"text\":\"x; rm -rf /\"}");
		assertProblem(json, 403, "suspicious-input");
		assertThat(JSON.readTree(json.body()).path("kind").asText()).isEqualTo("command");
	}

	@Test
	void stringsInsideJsonTreesAreInspectedToo() throws Exception {
		double scripts = count("script");
		HttpResponse<String> root = post(app, "/tree", "{\"a\":[1,{\"b\":\"<svg onload=alert(1)>\"}]}");
		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(root.body()).path("a").path(1).path("b").asText()).isEqualTo("<svg onload=alert(1)>");
		assertThat(count("script")).isEqualTo(scripts + 1);

		HttpResponse<String> blockedRoot = post(app, "/strict/tree",
				"{\"a\":[\"ok\",\"1 UNION SELECT pw FROM users\"]}");
		assertProblem(blockedRoot, 403, "suspicious-input");
		assertThat(JSON.readTree(blockedRoot.body()).path("kind").asText()).isEqualTo("sql");

		HttpResponse<String> blockedProperty = post(app, "/strict/wrapped",
				"{\"note\":\"ok\",\"extra\":{\"p\":\"../../etc/passwd\"}}");
		assertProblem(blockedProperty, 403, "suspicious-input");
		assertThat(JSON.readTree(blockedProperty.body()).path("kind").asText()).isEqualTo("path-traversal");
		assertThat(blockedProperty.body()).doesNotContain("passwd");

		assertThat(post(app, "/strict/wrapped", "{\"note\":\"ok\",\"extra\":{\"p\":\"Select a course\"}}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void ordinaryInputPassesInBlockMode() throws Exception {
		assertThat(app.get("/strict/search?q=Select%20a%20course%20for%20O%27Brien").statusCode()).isEqualTo(200);
		assertThat(post(app, "/strict/echo", "{\"text\":\"Tom & Jerry, 1 < 2\"}").statusCode()).isEqualTo(200);
	}

	private static double count(String kind) {
		return app.context()
			.getBean(HardeningMetrics.class)
			.counter(SuspiciousInputFindings.METRIC, "Input values matching an attack signature", "kind", kind)
			.count();
	}

	record Text(String text) {
	}

	record Wrapped(String note, JsonNode extra) {
	}

	@RestController
	static class DetectorController {

		@GetMapping({ "/search", "/strict/search" })
		Map<String, String> search(@RequestParam String q) {
			return Map.of("q", q);
		}

		@PostMapping({ "/echo", "/strict/echo" })
		Text echo(@RequestBody Text text) {
			return text;
		}

		@PostMapping({ "/tree", "/strict/tree" })
		JsonNode tree(@RequestBody JsonNode tree) {
			return tree;
		}

		@PostMapping("/strict/wrapped")
		Wrapped wrapped(@RequestBody Wrapped wrapped) {
			return wrapped;
		}

	}

}
