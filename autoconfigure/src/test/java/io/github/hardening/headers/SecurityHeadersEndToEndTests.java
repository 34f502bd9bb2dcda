package io.github.hardening.headers;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.test.ObservatoryGrader;
import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers as a client receives them from a real server, per preset, per scheme, next to headers the
 * application sets itself, on errors and on bodiless responses.
 */
class SecurityHeadersEndToEndTests {

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(HeadersAutoConfiguration.class, PageController.class),
				"hardening.headers.presets[/app/**]=web", "hardening.headers.csp.report-endpoint.enabled=true");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void apiPresetLocksEverythingDown() {
		HttpResponse<String> response = app.get("/api/data");
		assertThat(header(response, "Content-Security-Policy")).startsWith("default-src 'none'; frame-ancestors 'none'");
		assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
		assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
		assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(header(response, "Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(header(response, "Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
		assertThat(header(response, "Origin-Agent-Cluster")).isEqualTo("?1");
		assertThat(header(response, "X-Permitted-Cross-Domain-Policies")).isEqualTo("none");
		assertThat(header(response, "X-DNS-Prefetch-Control")).isEqualTo("off");
		assertThat(header(response, "X-XSS-Protection")).isEqualTo("0");
		assertThat(header(response, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()",
				"payment=()", "usb=()");
		assertThat(response.headers().firstValue("Cross-Origin-Embedder-Policy")).isEmpty();
	}

	@Test
	void hstsIsSentOnlyWhenTheClientUsedTls() {
		assertThat(app.get("/api/data").headers().firstValue("Strict-Transport-Security")).isEmpty();
		HttpResponse<String> secure = RunningWebApp
			.send(app.request("/api/data").header("X-Forwarded-Proto", "https").GET().build());
		assertThat(header(secure, "Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	@Test
	void webPresetCarriesAFreshNonceThatThePageCanUse() {
		HttpResponse<String> first = app.get("/app/page");
		HttpResponse<String> second = app.get("/app/page");
		String nonce = nonceOf(header(first, "Content-Security-Policy"));
		assertThat(first.body()).contains("<script nonce=\"" + nonce + "\">");
		assertThat(nonce).hasSizeGreaterThanOrEqualTo(22);
		assertThat(nonceOf(header(second, "Content-Security-Policy"))).isNotEqualTo(nonce);
		assertThat(header(first, "Content-Security-Policy")).contains("default-src 'self'", "object-src 'none'",
				"script-src-attr 'none'", "frame-ancestors 'self'", "upgrade-insecure-requests",
				"report-uri /csp-reports", "report-to csp-endpoint");
		assertThat(header(first, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(header(first, "Reporting-Endpoints")).isEqualTo("csp-endpoint=\"/csp-reports\"");
		assertThat(first.headers().firstValue("Cache-Control")).isEmpty();
	}

	@Test
	void headersTheApplicationSetAreNeverOverwrittenOrDuplicated() {
		HttpResponse<String> response = app.get("/api/own-headers");
		assertThat(response.headers().allValues("Cache-Control")).containsExactly("max-age=60");
		assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'self'");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
	}

	@Test
	void leakyHeadersAreRemovedWhoeverSetsThem() {
		HttpResponse<String> response = app.get("/api/own-headers");
		assertThat(response.headers().firstValue("Server")).isEmpty();
		assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
		assertThat(header(response, "X-Kept")).isEqualTo("yes");
	}

	@Test
	void errorsAndBodilessResponsesCarryTheHeadersToo() {
		for (String path : List.of("/api/boom", "/api/missing", "/api/empty")) {
			HttpResponse<String> response = app.get(path);
			assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.headers().allValues("Content-Security-Policy")).as(path).hasSize(1);
		}
		assertThat(app.get("/app/missing").headers().firstValue("Content-Security-Policy").orElseThrow())
			.as("an error on a web path keeps the web preset").contains("default-src 'self'");
	}

	@Test
	void bothPresetsGradeAPlusOverTrustedHttps() {
		for (String path : List.of("/api/data", "/app/page")) {
			HttpResponse<String> response = RunningWebApp.send(app.request(path)
				.header("X-Forwarded-Proto", "https")
				.header("Origin", "https://observatory.example")
				.GET()
				.build());
			ObservatoryGrader.Grade grade = ObservatoryGrader.grade(response.headers(), "https://observatory.example");
			assertThat(grade.letter()).as(path + " " + grade).isEqualTo("A+");
		}
	}

	@Test
	void cspReportsAreAcceptedCountedAndBounded() {
		HardeningMetrics metrics = app.context().getBean(HardeningMetrics.class);
		double before = metrics.counter("hardening.headers.csp.reports", "", "directive", "script-src-elem").count();
		HttpResponse<String> legacy = post("/csp-reports", "application/csp-report",
				"{\"csp-report\":{\"document-uri\":\"https://a/\",\"effective-directive\":\"script-src-elem\","
						+ "\"blocked-uri\":\"inline\"}}");
		HttpResponse<String> modern = post("/csp-reports", "application/reports+json",
				"[{\"type\":\"csp-violation\",\"body\":{\"effectiveDirective\":\"script-src-elem\",\"blockedURL\":\"x\"}}]");
		assertThat(legacy.statusCode()).isEqualTo(204);
		assertThat(modern.statusCode()).isEqualTo(204);
		assertThat(metrics.counter("hardening.headers.csp.reports", "", "directive", "script-src-elem").count())
			.isEqualTo(before + 2);
		assertThat(post("/csp-reports", "application/csp-report", "{\"csp-report\":" + "\"x\"".repeat(1)
				+ ",\"pad\":\"" + "a".repeat(20_000) + "\"}").statusCode()).isEqualTo(413);
		assertThat(post("/csp-reports", "text/plain", "{}").statusCode()).isEqualTo(415);
		assertThat(post("/csp-reports", "application/csp-report", "not json").statusCode()).isEqualTo(400);
		assertThat(app.get("/csp-reports").statusCode()).isEqualTo(405);
	}

	private static HttpResponse<String> post(String path, String contentType, String body) {
		return RunningWebApp.send(app.request(path)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static String header(HttpResponse<?> response, String name) {
		List<String> values = response.headers().allValues(name);
		assertThat(values).as(name).hasSize(1);
		return values.get(0);
	}

	private static String nonceOf(String csp) {
		Matcher matcher = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'").matcher(csp);
		assertThat(matcher.find()).as(csp).isTrue();
		return matcher.group(1);
	}

	@RestController
	static class PageController {

		@GetMapping("/api/data")
		Map<String, String> data() {
			return Map.of("hello", "world");
		}

		@GetMapping(value = "/app/page", produces = MediaType.TEXT_HTML_VALUE)
		String page(HttpServletRequest request) {
			return "<html><body><script nonce=\"" + CspNonces.get(request) + "\">document.title='ok'</script></body></html>";
		}

		@GetMapping("/api/own-headers")
		ResponseEntity<String> ownHeaders() {
			return ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)))
				.header("Content-Security-Policy", "default-src 'self'")
				.header("Server", "Apache/2.2.3")
				.header("X-Powered-By", "PHP/5.1")
				.header("X-Kept", "yes")
				.body("own");
		}

		@GetMapping("/api/empty")
		ResponseEntity<Void> empty() {
			return ResponseEntity.noContent().build();
		}

		@GetMapping("/api/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
