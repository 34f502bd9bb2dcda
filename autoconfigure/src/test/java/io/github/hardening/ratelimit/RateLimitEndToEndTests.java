package io.github.hardening.ratelimit;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.test.RunningWebApp;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter over real HTTP in an embedded Tomcat. The test client connects from loopback, a trusted proxy by
 * default, so each test picks its own client address with X-Forwarded-For and gets buckets of its own.
 */
class RateLimitEndToEndTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AtomicInteger CLIENTS = new AtomicInteger(1);

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(RateLimitAutoConfiguration.class, LimitedController.class,
				AnnotatedTypeController.class, Metrics.class, TestUsers.class),
				"hardening.rate-limit.legacy-headers=true", "hardening.rate-limit.excluded-paths=/api/health",
				"hardening.rate-limit.deny-list=198.51.100.66", "hardening.rate-limit.allow-list=198.51.100.77",
				"hardening.rate-limit.policies[0].name=api", "hardening.rate-limit.policies[0].match.paths=/api/**",
				"hardening.rate-limit.policies[0].limits[0].capacity=3",
				"hardening.rate-limit.policies[1].name=keyed", "hardening.rate-limit.policies[1].match.paths=/keyed",
				"hardening.rate-limit.policies[1].key=header:X-Api-Key",
				"hardening.rate-limit.policies[1].missing-key=reject",
				"hardening.rate-limit.policies[1].limits[0].capacity=2",
				"hardening.rate-limit.policies[2].name=burst", "hardening.rate-limit.policies[2].limits[0].capacity=2",
				"hardening.rate-limit.policies[2].limits[0].period=10s",
				"hardening.rate-limit.policies[3].name=per-user", "hardening.rate-limit.policies[3].key=user",
				"hardening.rate-limit.policies[3].match.paths=/user", "hardening.rate-limit.policies[3].limits[0].capacity=2");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void limitedResponsesCarryTheDraftHeaderFieldsAndLegacyOnes() {
		String client = newClient();
		HttpResponse<String> first = get("/api/hello", client);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"api\";q=3;w=60");
		assertThat(first.headers().firstValue("RateLimit")).hasValue("\"api\";r=2;t=20");
		assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
		assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
		assertThat(first.headers().firstValue("X-RateLimit-Reset")).hasValue("20");
	}

	@Test
	void requestBeyondTheLimitGets429ProblemWithRetryAfter() throws Exception {
		String client = newClient();
		for (int i = 0; i < 3; i++) {
			assertThat(get("/api/hello", client).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> rejected = get("/api/hello", client);
		assertThat(rejected.statusCode()).isEqualTo(429);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		long retryAfter = Long.parseLong(rejected.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(19L, 20L);
		assertThat(rejected.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"api\";r=0;t=");
		JsonNode body = JSON.readTree(rejected.body());
		assertThat(body.path("type").asText()).isEqualTo("https://iana.org/assignments/http-problem-types#quota-exceeded");
		assertThat(body.path("status").asInt()).isEqualTo(429);
		assertThat(body.path("violated-policies")).hasSize(1);
		assertThat(body.path("violated-policies").get(0).asText()).isEqualTo("api");
		assertThat(body.path("instance").asText()).isEqualTo("/api/hello");
		assertThat(get("/api/hello", newClient()).statusCode()).as("other clients are unaffected").isEqualTo(200);
		MeterRegistry registry = app.context().getBean(MeterRegistry.class);
		assertThat(registry.get(RateLimitCounters.REQUESTS).tags("policy", "api", "outcome", "rejected").counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void excludedPathsAreNeverLimited() {
		String client = newClient();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = get("/api/health", client);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit")).isEmpty();
		}
	}

	@Test
	void denyListIsRefusedAndAllowListIsNeverLimited() throws Exception {
		HttpResponse<String> denied = get("/api/hello", "198.51.100.66");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(denied.body()).path("type").asText())
			.isEqualTo("https://hardening.github.io/problems/rate-limit-denied");
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> allowed = get("/api/hello", "198.51.100.77");
			assertThat(allowed.statusCode()).isEqualTo(200);
			assertThat(allowed.headers().firstValue("RateLimit")).isEmpty();
		}
	}

	@Test
	void headerKeyedPolicyCountsPerKeyAndRefusesRequestsWithoutIt() throws Exception {
		String client = newClient();
		assertThat(send(app.request("/keyed").header("X-Forwarded-For", client).header("X-Api-Key", "k1")).statusCode())
			.isEqualTo(200);
		assertThat(send(app.request("/keyed").header("X-Forwarded-For", client).header("X-Api-Key", "k1")).statusCode())
			.isEqualTo(200);
		assertThat(send(app.request("/keyed").header("X-Forwarded-For", client).header("X-Api-Key", "k1")).statusCode())
			.isEqualTo(429);
		assertThat(send(app.request("/keyed").header("X-Forwarded-For", client).header("X-Api-Key", "k2")).statusCode())
			.as("another key from the same address").isEqualTo(200);
		HttpResponse<String> missing = get("/keyed", client);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(missing.body()).path("detail").asText()).contains("X-Api-Key");
	}

	@Test
	void annotatedHandlerIsLimitedByItsNamedPolicy() {
		String client = newClient();
		assertThat(get("/annotated", client).statusCode()).isEqualTo(200);
		HttpResponse<String> second = get("/annotated", client);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("RateLimit")).hasValue("\"burst\";r=0;t=10");
		HttpResponse<String> third = get("/annotated", client);
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.body()).contains("\"violated-policies\":[\"burst\"]");
		assertThat(get("/unlimited", client).headers().firstValue("RateLimit")).isEmpty();
	}

	@Test
	void annotatedControllerTypeLimitsEveryHandlerInItOnEveryRequest() {
		String client = newClient();
		// The interceptor caches the annotation lookup: the third request must still find the policy.
		assertThat(get("/annotated-type/a", client).statusCode()).isEqualTo(200);
		assertThat(get("/annotated-type/b", client).statusCode()).isEqualTo(200);
		HttpResponse<String> third = get("/annotated-type/a", client);
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.body()).contains("\"violated-policies\":[\"burst\"]");
	}

	@Test
	void userKeyedPolicyCountsPerUserOnceTheHandlerIsKnown() {
		String client = newClient();
		assertThat(asUser("/user", client, "alice").statusCode()).isEqualTo(200);
		HttpResponse<String> second = asUser("/user", client, "alice");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("RateLimit")).hasValue("\"per-user\";r=0;t=60");
		assertThat(asUser("/user", client, "alice").statusCode()).isEqualTo(429);
		assertThat(asUser("/user", newClient(), "alice").statusCode()).as("the user's bucket, from any address")
			.isEqualTo(429);
		assertThat(asUser("/user", client, "bob").statusCode()).as("another user from the same address")
			.isEqualTo(200);
		assertThat(get("/user", client).statusCode()).as("anonymous: the address's bucket").isEqualTo(200);
		assertThat(asUser("/api/hello", newClient(), "carol").headers().firstValue("RateLimit").orElseThrow())
			.as("a path without a user policy keeps the filter's policy only").startsWith("\"api\";");
	}

	@Test
	void reportShowsPoliciesStoreAndCounts() {
		get("/api/hello", newClient());
		HardeningReportContributor contributor = app.context().getBean(RateLimitReportContributor.class);
		assertThat(contributor.feature()).isEqualTo("rate-limit");
		Map<String, Object> settings = contributor.report().settings();
		assertThat(settings.get("store")).asString().contains("type=memory").contains("max-keys=100000");
		assertThat(settings.get("policies")).asList().hasSize(4);
		assertThat(contributor.report().counters().get("requests")).asString().contains("api={allowed=");
	}

	@Test
	void spoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheKey() {
		try (RunningWebApp untrusted = RunningWebApp.start(
				List.of(RateLimitAutoConfiguration.class, LimitedController.class),
				"hardening.client-ip.trusted-proxies=192.0.2.1/32", "hardening.rate-limit.policies[0].name=api",
				"hardening.rate-limit.policies[0].match.paths=/api/**",
				"hardening.rate-limit.policies[0].limits[0].capacity=3", "hardening.rate-limit.policies[1].name=burst",
				"hardening.rate-limit.policies[1].limits[0].capacity=2")) {
			int admitted = 0;
			for (int i = 0; i < 6; i++) {
				HttpRequest request = untrusted.request("/api/hello").header("X-Forwarded-For", newClient()).build();
				admitted += (RunningWebApp.send(request).statusCode() == 200) ? 1 : 0;
			}
			assertThat(admitted).as("every spoofed address shares the peer's bucket").isEqualTo(3);
		}
		int admitted = 0;
		for (int i = 0; i < 6; i++) {
			admitted += (get("/api/hello", newClient()).statusCode() == 200) ? 1 : 0;
		}
		assertThat(admitted).as("a trusted proxy's header gives each client its own bucket").isEqualTo(6);
	}

	private static String newClient() {
		int n = CLIENTS.getAndIncrement();
		return "203.0." + (n >> 8) + "." + (n & 0xff);
	}

	private static HttpResponse<String> get(String path, String client) {
		return send(app.request(path).header("X-Forwarded-For", client));
	}

	private static HttpResponse<String> asUser(String path, String client, String user) {
		return send(app.request(path).header("X-Forwarded-For", client).header(TestUsers.HEADER, user));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		return RunningWebApp.send(request.GET().build());
	}

	@RestController
	static class LimitedController {

		@GetMapping({ "/api/hello", "/api/health", "/keyed", "/unlimited", "/user" })
		Map<String, Object> hello() {
			return Map.of("ok", true);
		}

		@RateLimited("burst")
		@GetMapping("/annotated")
		Map<String, Object> annotated() {
			return Map.of("ok", true);
		}

	}

	@RateLimited("burst")
	@RestController
	static class AnnotatedTypeController {

		@GetMapping({ "/annotated-type/a", "/annotated-type/b" })
		Map<String, Object> hello() {
			return Map.of("ok", true);
		}

	}

	/**
	 * Authenticates a request as the user its test header names, as a security filter would before MVC runs.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TestUsers {

		static final String HEADER = "X-Test-User";

		@Bean
		FilterRegistrationBean<Filter> testUsers() {
			return new FilterRegistrationBean<>((request, response, chain) -> {
				HttpServletRequest http = (HttpServletRequest) request;
				String user = http.getHeader(HEADER);
				chain.doFilter((user != null) ? new HttpServletRequestWrapper(http) {

					@Override
					public Principal getUserPrincipal() {
						return () -> user;
					}

				} : request, response);
			});
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
