package io.github.hardening.cors;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.hardening.core.ProblemType;
import io.github.hardening.test.RunningWebApp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS filter over real HTTP in an embedded Tomcat: what a browser would see for allowed and refused
 * preflights and simple requests, per-path mappings, credentials, counting, and same-origin requests.
 */
class CorsEndToEndTests {

	private static final String APP = "https://app.example.com";

	private static final String STRANGER = "https://evil.example.net";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(CorsAutoConfiguration.class, CallCountingController.class, Metrics.class),
				"hardening.cors.allowed-origins=" + APP, "hardening.cors.allowed-methods=GET,HEAD,POST,PUT",
				"hardening.cors.mappings[0].paths=/public/**", "hardening.cors.mappings[0].allowed-origin-patterns=*",
				"hardening.cors.mappings[0].allowed-methods=GET", "hardening.cors.mappings[1].paths=/account/**",
				"hardening.cors.mappings[1].allow-credentials=true");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void allowedPreflightIsAnsweredWithoutReachingTheApplication() {
		int callsBefore = calls("/api/items");
		HttpResponse<String> response = send(preflight("/api/items", APP, "PUT", "Content-Type, X-Request-ID"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, POST, PUT");
		assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("Content-Type, X-Request-ID");
		assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("600");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(response.headers().allValues("Vary"))
			.containsExactly("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
		assertThat(calls("/api/items")).isEqualTo(callsBefore);
	}

	@Test
	void preflightFromAStrangerIsRefusedWithAProblemAndNoCorsHeaders() throws Exception {
		HttpResponse<String> response = send(preflight("/api/items", STRANGER, "POST", null));
		JsonNode problem = assertRefused(response);
		assertThat(problem.get("detail").asText()).contains("'" + STRANGER + "'", "not allowed");
		assertThat(problem.get("instance").asText()).isEqualTo("/api/items");
	}

	@Test
	void preflightForAMethodOutsideThePolicyIsRefused() throws Exception {
		HttpResponse<String> response = send(preflight("/api/items", APP, "DELETE", null));
		assertThat(assertRefused(response).get("detail").asText()).contains("'DELETE'");
	}

	@Test
	void preflightForAHeaderOutsideThePolicyIsRefused() throws Exception {
		HttpResponse<String> response = send(preflight("/api/items", APP, "POST", "Content-Type, X-Debug"));
		assertThat(assertRefused(response).get("detail").asText()).contains("'X-Debug'");
	}

	@Test
	void allowedSimpleRequestCanBeReadByTheCallingPage() {
		HttpResponse<String> response = send(app.request("/api/items").header("Origin", APP).GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("items");
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(header(response, "Access-Control-Expose-Headers")).contains("X-Request-ID", "RateLimit");
		assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
	}

	@Test
	void simpleRequestFromAStrangerReachesTheApplicationButCannotBeRead() {
		int callsBefore = calls("/api/items");
		HttpResponse<String> response = send(app.request("/api/items").header("Origin", STRANGER).GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("items");
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
		assertThat(calls("/api/items")).isEqualTo(callsBefore + 1);
	}

	@Test
	void credentialsModeEchoesTheOriginAndAllowsCredentials() {
		HttpResponse<String> response = send(app.request("/account/me").header("Origin", APP).GET().build());
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
		assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
		HttpResponse<String> preflight = send(preflight("/account/me", APP, "POST", "Authorization"));
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(header(preflight, "Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(APP);
	}

	@Test
	void mappingOverridesTheGlobalPolicyForItsPaths() throws Exception {
		HttpResponse<String> publicData = send(app.request("/public/data").header("Origin", STRANGER).GET().build());
		assertThat(header(publicData, "Access-Control-Allow-Origin")).isEqualTo(STRANGER);
		assertThat(publicData.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		// The mapping allows only GET, the global policy's PUT does not carry over.
		assertRefused(send(preflight("/public/data", STRANGER, "PUT", null)));
		HttpResponse<String> api = send(app.request("/api/items").header("Origin", STRANGER).GET().build());
		assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void everyRefusalIsCountedByReason() {
		double origin = rejected("origin");
		double method = rejected("method");
		double headers = rejected("headers");
		send(preflight("/api/items", STRANGER, "GET", null));
		send(app.request("/api/items").header("Origin", STRANGER).GET().build());
		send(preflight("/api/items", APP, "PATCH", null));
		send(preflight("/api/items", APP, "GET", "X-Debug"));
		send(app.request("/api/items").header("Origin", APP).GET().build());
		assertThat(rejected("origin")).isEqualTo(origin + 2);
		assertThat(rejected("method")).isEqualTo(method + 1);
		assertThat(rejected("headers")).isEqualTo(headers + 1);
	}

	@Test
	void sameOriginRequestIsUntouched() {
		String self = "http://127.0.0.1:" + app.port();
		double refusedBefore = rejected("origin");
		int callsBefore = calls("/api/items");
		HttpResponse<String> post = send(app.request("/api/items")
			.header("Origin", self)
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build());
		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(post.body()).isEqualTo("created");
		assertThat(post.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
		// Not a CORS preflight either: Spring MVC answers it (200) instead of this filter refusing it (403).
		HttpResponse<String> options = send(preflight("/api/items", self, "DELETE", null));
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(calls("/api/items")).isEqualTo(callsBefore + 1);
		assertThat(rejected("origin")).isEqualTo(refusedBefore);
	}

	@Test
	void varyValuesOfTheApplicationAreKept() {
		HttpResponse<String> response = send(app.request("/api/localized").header("Origin", APP).GET().build());
		assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Origin", "Accept-Language");
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
	}

	@Test
	void allowedOriginCanReadErrorResponses() {
		HttpResponse<String> response = send(app.request("/api/missing").header("Origin", APP).GET().build());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(APP);
	}

	@Test
	void withoutAnyConfiguredOriginPreflightsAreRefusedAndResponsesDoNotVary() throws Exception {
		List<Class<?>> sources = List.of(CorsAutoConfiguration.class, CallCountingController.class);
		try (RunningWebApp defaults = RunningWebApp.start(sources)) {
			HttpResponse<String> preflight = send(defaults.request("/api/items")
				.header("Origin", APP)
				.header("Access-Control-Request-Method", "GET")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.build());
			assertRefused(preflight);
			HttpResponse<String> simple = send(defaults.request("/api/items").header("Origin", APP).GET().build());
			assertThat(simple.body()).isEqualTo("items");
			assertThat(simple.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
			assertThat(simple.headers().allValues("Vary")).isEmpty();
		}
	}

	private static JsonNode assertRefused(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
		assertThat(response.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-allow"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("type").asText()).isEqualTo(ProblemType.BASE_URI + "cors-rejected");
		assertThat(problem.get("title").asText()).isEqualTo("CORS request rejected");
		assertThat(problem.get("status").asInt()).isEqualTo(403);
		assertThat(problem.get("requestId").asText()).isEqualTo(header(response, "X-Request-ID"));
		return problem;
	}

	private static HttpRequest preflight(String path, String origin, String method, String headers) {
		HttpRequest.Builder builder = app.request(path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody());
		if (headers != null) {
			builder.header("Access-Control-Request-Headers", headers);
		}
		return builder.build();
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return RunningWebApp.send(request);
	}

	private static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	private static int calls(String path) {
		return app.context().getBean(CallCountingController.class).calls(path);
	}

	private static double rejected(String reason) {
		return app.context()
			.getBean(MeterRegistry.class)
			.get(CorsRejectionCounters.METRIC)
			.tag("reason", reason)
			.counter()
			.count();
	}

	@RestController
	static class CallCountingController {

		private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

		@RequestMapping(path = "/api/items", method = { RequestMethod.GET, RequestMethod.OPTIONS })
		String items() {
			count("/api/items");
			return "items";
		}

		@PostMapping("/api/items")
		String create() {
			count("/api/items");
			return "created";
		}

		@PutMapping("/api/items")
		String replace() {
			count("/api/items");
			return "replaced";
		}

		@GetMapping("/api/localized")
		ResponseEntity<String> localized() {
			return ResponseEntity.ok().header("Vary", "Accept-Language").body("hello");
		}

		@GetMapping("/public/data")
		String publicData() {
			return "public";
		}

		@GetMapping("/account/me")
		String me() {
			return "me";
		}

		int calls(String path) {
			return this.calls.computeIfAbsent(path, (key) -> new AtomicInteger()).get();
		}

		private void count(String path) {
			this.calls.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
