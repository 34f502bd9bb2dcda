package io.github.hardening.headers;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security's own header writers active, every response carries each security header once and
 * no two headers contradict each other.
 */
class SpringSecurityCompatibilityTests {

	private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options",
			"X-Content-Type-Options", "Strict-Transport-Security", "Cache-Control", "Referrer-Policy",
			"X-XSS-Protection", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Permissions-Policy",
			"Pragma", "Expires");

	private static RunningWebApp app;

	@BeforeAll
	static void start() {
		app = RunningWebApp.start(List.of(SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, HeadersAutoConfiguration.class, SecurityConfiguration.class,
				Controller.class), "hardening.headers.presets[/app/**]=web");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void apiResponseHasEachHeaderOnceAndConsistent() {
		HttpHeaders headers = secureGet("/public/data").headers();
		assertEachOnce(headers);
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Cache-Control")).hasValue("no-store");
		assertThat(headers.firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
	}

	@Test
	void webResponseFramingRulesAgree() {
		HttpHeaders headers = secureGet("/app/page").headers();
		assertEachOnce(headers);
		assertFramingAgrees(headers);
	}

	@Test
	void securityRejectionCarriesEachHeaderOnceAndConsistent() {
		HttpResponse<String> response = secureGet("/private/data");
		assertThat(response.statusCode()).isEqualTo(401);
		assertEachOnce(response.headers());
		assertFramingAgrees(response.headers());
		HttpResponse<String> webRejection = secureGet("/app/private");
		assertThat(webRejection.statusCode()).isEqualTo(401);
		assertEachOnce(webRejection.headers());
		assertFramingAgrees(webRejection.headers());
	}

	private static void assertEachOnce(HttpHeaders headers) {
		for (String name : SECURITY_HEADERS) {
			assertThat(headers.allValues(name)).as(name + " in " + headers.map()).hasSizeLessThanOrEqualTo(1);
		}
		assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
		assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	private static void assertFramingAgrees(HttpHeaders headers) {
		String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
		String frameOptions = headers.firstValue("X-Frame-Options").orElse("");
		if (csp.contains("frame-ancestors 'self'")) {
			assertThat(frameOptions).as(headers.map().toString()).isIn("SAMEORIGIN", "");
		}
		if (csp.contains("frame-ancestors 'none'")) {
			assertThat(frameOptions).as(headers.map().toString()).isIn("DENY", "");
		}
	}

	private static HttpResponse<String> secureGet(String path) {
		return RunningWebApp.send(app.request(path).header("X-Forwarded-Proto", "https").GET().build());
	}

	@Configuration(proxyBeanMethods = false)
	static class SecurityConfiguration {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**", "/app/page", "/error")
				.permitAll()
				.anyRequest()
				.authenticated()).httpBasic(Customizer.withDefaults()).build();
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/public/data")
		Map<String, String> data() {
			return Map.of("a", "b");
		}

		@GetMapping("/private/data")
		Map<String, String> privateData() {
			return Map.of("secret", "x");
		}

		@GetMapping(value = "/app/page", produces = MediaType.TEXT_HTML_VALUE)
		String page() {
			return "<p>page</p>";
		}

	}

}
