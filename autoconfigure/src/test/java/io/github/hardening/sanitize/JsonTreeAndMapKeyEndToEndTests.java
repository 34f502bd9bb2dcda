package io.github.hardening.sanitize;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static io.github.hardening.sanitize.SanitizeEndToEndTests.assertProblem;
import static io.github.hardening.sanitize.SanitizeEndToEndTests.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Map keys and {@code JsonNode} trees over real HTTP: normalised like other JSON strings, refused with the
 * path of the value, left alone under {@link RawText} and with text mode off.
 */
class JsonTreeAndMapKeyEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	private static RunningWebApp rejecting;

	private static RunningWebApp off;

	@BeforeAll
	static void start() {
		List<Class<?>> sources = List.of(SanitizeAutoConfiguration.class, TreeController.class);
		app = RunningWebApp.start(sources);
		rejecting = RunningWebApp.start(sources, "hardening.sanitize.text.mode=reject");
		off = RunningWebApp.start(sources, "hardening.sanitize.text.mode=off");
	}

	@AfterAll
	static void stop() {
		app.close();
		rejecting.close();
		off.close();
	}

	@Test
	void mapKeysAreNormalisedLikeValuesExceptRawText() throws Exception {
		HttpResponse<String> response = post(app, "/attributes",
				"{\"attrs\":{\"Ame\\u0301lie\\u0000\":\"v\\u202E\"},\"raw\":{\"a\\u202Eb\":\"c\\u0000\"}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("attrs").properties()).singleElement()
			.satisfies((entry) -> assertThat(entry.getKey()).isEqualTo("Amélie"))
			.satisfies((entry) -> assertThat(entry.getValue().asText()).isEqualTo("v"));
		assertThat(body.path("raw").path("a\u202Eb").asText()).isEqualTo("c\u0000");
	}

	@Test
	void treeFieldNamesAndStringsAreNormalised() throws Exception {
		HttpResponse<String> response = post(app, "/tree",
				"{\"na\\u0000me\":\"x\\u202Ey\",\"list\":[\"e\\u0301\",1,true],\"nested\":{\"k\":\"a\\u0000\"},\"n\":null}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
				"{\"name\":\"xy\",\"list\":[\"é\",1,true],\"nested\":{\"k\":\"a\"},\"n\":null}"));
	}

	@Test
	void unpairedSurrogateInATreeIsA400NamingItsPath() throws Exception {
		HttpResponse<String> response = post(app, "/tree", "{\"items\":[{\"name\":\"ok\"},{\"name\":\"\\uD800\"}]}");
		assertProblem(response, 400, "invalid-text");
		assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("items[1].name");
	}

	@Test
	void rejectModeNamesTheTreePathInsideItsPropertyAndTheMapOfAKey() throws Exception {
		HttpResponse<String> tree = post(rejecting, "/tree", "{\"a\":[\"ok\",{\"b\":\"x\\u202Ey\"}]}");
		assertProblem(tree, 400, "invalid-text");
		assertThat(JSON.readTree(tree.body()).path("field").asText()).isEqualTo("a[1].b");

		HttpResponse<String> nested = post(rejecting, "/attributes", "{\"extra\":{\"a\":\"e\\u0301\"}}");
		assertProblem(nested, 400, "invalid-text");
		assertThat(JSON.readTree(nested.body()).path("field").asText()).isEqualTo("extra.a");

		HttpResponse<String> key = post(rejecting, "/attributes", "{\"attrs\":{\"k\\u0000\":\"v\"}}");
		assertProblem(key, 400, "invalid-text");
		assertThat(JSON.readTree(key.body()).path("field").asText()).isEqualTo("attrs");

		HttpResponse<String> rootKey = post(rejecting, "/map", "{\"k\\u202E\":\"v\"}");
		assertProblem(rootKey, 400, "invalid-text");
		assertThat(JSON.readTree(rootKey.body()).path("field").asText()).isEqualTo("$");

		HttpResponse<String> clean = post(rejecting, "/tree", "{\"Amélie\":[\"日本語\",\"😀\"]}");
		assertThat(clean.statusCode()).as(clean.body()).isEqualTo(200);
	}

	@Test
	void keysOfUntypedMapsAreNormalisedAtAnyDepth() throws Exception {
		HttpResponse<String> nested = post(app, "/untyped",
				"{\"k\\u0000\":{\"a\\u202Eb\":[{\"e\\u0301\":\"v\\u0000\"}]},\"keep\":1}");
		assertThat(nested.statusCode()).as(nested.body()).isEqualTo(200);
		assertThat(JSON.readTree(nested.body()))
			.isEqualTo(JSON.readTree("{\"k\":{\"ab\":[{\"é\":\"v\"}]},\"keep\":1}"));

		HttpResponse<String> raw = post(app, "/raw-map", "{\"x\\u202E\":{\"y\\u0000\":\"z\"}}");
		assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
		assertThat(JSON.readTree(raw.body())).isEqualTo(JSON.readTree("{\"x\":{\"y\":\"z\"}}"));

		HttpResponse<String> property = post(app, "/holder",
				"{\"data\":{\"a\\u0000\":{\"b\\u0000\":1}},\"rawData\":{\"c\\u0000\":{\"d\\u0000\":2}}}");
		assertThat(property.statusCode()).as(property.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(property.body());
		assertThat(body.path("data")).isEqualTo(JSON.readTree("{\"a\":{\"b\":1}}"));
		assertThat(body.path("rawData").path("c\u0000").path("d\u0000").asInt()).isEqualTo(2);
	}

	@Test
	void rejectModeNamesThePropertyHoldingTheUntypedMapOfARefusedKey() throws Exception {
		HttpResponse<String> response = post(rejecting, "/untyped", "{\"outer\":{\"list\":[{\"k\\u202E\":1}]}}");
		assertProblem(response, 400, "invalid-text");
		assertThat(JSON.readTree(response.body()).path("field").asText()).as(response.body()).isEqualTo("outer");

		HttpResponse<String> clean = post(rejecting, "/untyped", "{\"Amélie\":{\"日本語\":[\"😀\"]}}");
		assertThat(clean.statusCode()).as(clean.body()).isEqualTo(200);
	}

	@Test
	void textModeOffLeavesTreesAndKeysAlone() throws Exception {
		HttpResponse<String> response = post(off, "/tree", "{\"k\\u0000\":\"x\\u202Ey\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).path("k\u0000").asText()).isEqualTo("x\u202Ey");
	}

	record Attributes(Map<String, String> attrs, @RawText Map<String, String> raw, JsonNode extra) {
	}

	record Holder(Object data, @RawText Object rawData) {
	}

	@RestController
	static class TreeController {

		@PostMapping("/tree")
		JsonNode tree(@RequestBody JsonNode tree) {
			return tree;
		}

		@PostMapping("/attributes")
		Attributes attributes(@RequestBody Attributes attributes) {
			return attributes;
		}

		@PostMapping("/untyped")
		Map<String, Object> untyped(@RequestBody Map<String, Object> map) {
			return map;
		}

		@SuppressWarnings("rawtypes")
		@PostMapping("/raw-map")
		Map rawMap(@RequestBody Map map) {
			return map;
		}

		@PostMapping("/holder")
		Holder holder(@RequestBody Holder holder) {
			return holder;
		}

		@PostMapping("/map")
		Map<String, String> map(@RequestBody Map<String, String> map) {
			return map;
		}

	}

}
