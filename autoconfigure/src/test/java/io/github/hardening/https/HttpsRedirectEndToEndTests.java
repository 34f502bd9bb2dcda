package io.github.hardening.https;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redirect as clients see it, directly and through proxies that are and are not trusted.
 */
class HttpsRedirectEndToEndTests {

	@Test
	void plainHttpIsRedirectedKeepingPathAndQuery() {
		try (RunningWebApp app = start()) {
			HttpResponse<String> response = app.get("/api/hello?name=a%20b&x=1");
			assertThat(response.statusCode()).isEqualTo(308);
			assertThat(response.headers().firstValue("Location")).hasValue("https://127.0.0.1/api/hello?name=a%20b&x=1");
			HttpResponse<String> post = RunningWebApp
				.send(app.request("/api/hello").POST(HttpRequest.BodyPublishers.ofString("x")).build());
			assertThat(post.statusCode()).as("308 keeps the method, so a POST may be redirected too").isEqualTo(308);
			assertThat(app.context().getBean(HardeningMetrics.class)
				.counter("hardening.https.redirects", "").count()).isEqualTo(2);
		}
	}

	@Test
	void requestMarkedSecureByATrustedProxyIsServed() {
		try (RunningWebApp app = start()) {
			HttpResponse<String> response = RunningWebApp
				.send(app.request("/api/hello").header("X-Forwarded-Proto", "https").GET().build());
			assertThat(response.statusCode()).isEqualTo(200);
			HttpResponse<String> forwarded = RunningWebApp
				.send(app.request("/api/hello").header("Forwarded", "for=198.51.100.1;proto=https").GET().build());
			assertThat(forwarded.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void claimFromAnUntrustedPeerIsIgnored() {
		try (RunningWebApp app = start("hardening.client-ip.trusted-proxies=10.0.0.0/8")) {
			HttpResponse<String> response = RunningWebApp
				.send(app.request("/api/hello").header("X-Forwarded-Proto", "https").GET().build());
			assertThat(response.statusCode()).isEqualTo(308);
		}
	}

	@Test
	void forwardedHostBecomesTheRedirectTarget() {
		try (RunningWebApp app = start()) {
			HttpResponse<String> response = RunningWebApp.send(app.request("/api/hello")
				.header("X-Forwarded-Proto", "http")
				.header("X-Forwarded-Host", "shop.example.com")
				.GET()
				.build());
			assertThat(response.headers().firstValue("Location")).hasValue("https://shop.example.com/api/hello");
		}
	}

	@Test
	void fixedHostAndPortAreUsed() {
		try (RunningWebApp app = start("hardening.https.redirect.host=www.example.com",
				"hardening.https.redirect.port=8443", "hardening.https.redirect.status=301")) {
			HttpResponse<String> response = app.get("/api/hello");
			assertThat(response.statusCode()).isEqualTo(301);
			assertThat(response.headers().firstValue("Location")).hasValue("https://www.example.com:8443/api/hello");
		}
	}

	@Test
	void probesAreNeverRedirected() {
		try (RunningWebApp app = start()) {
			assertThat(app.get("/livez").statusCode()).isEqualTo(200);
			assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void redirectIsOffByDefault() {
		try (RunningWebApp app = RunningWebApp.start(List.of(HttpsAutoConfiguration.class, Controller.class))) {
			assertThat(app.get("/api/hello").statusCode()).isEqualTo(200);
		}
	}

	private static RunningWebApp start(String... extra) {
		List<String> properties = new java.util.ArrayList<>(List.of("hardening.https.redirect.enabled=true"));
		properties.addAll(List.of(extra));
		return RunningWebApp.start(List.of(HttpsAutoConfiguration.class, Controller.class),
				properties.toArray(String[]::new));
	}

	@RestController
	static class Controller {

		@GetMapping("/api/hello")
		Map<String, String> hello() {
			return Map.of("message", "hello");
		}

		@PostMapping("/api/hello")
		Map<String, String> post() {
			return Map.of("message", "posted");
		}

		@GetMapping({ "/livez", "/actuator/health/readiness" })
		String probe() {
			return "UP";
		}

	}

}
