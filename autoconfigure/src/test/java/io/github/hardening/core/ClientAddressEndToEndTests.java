package io.github.hardening.core;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.hardening.test.RunningWebApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application sees of the client through the plain servlet API, over real HTTP.
 */
class ClientAddressEndToEndTests {

	@Test
	void trustedProxyHeadersReachTheServletApi() {
		try (RunningWebApp app = RunningWebApp.start(List.of(WhoAmI.class))) {
			HttpResponse<String> response = RunningWebApp.send(app.request("/whoami")
				.header("X-Forwarded-For", "203.0.113.50, 10.1.1.1")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "shop.example.com")
				.GET()
				.build());
			assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.50\"", "\"secure\":true",
					"\"url\":\"https://shop.example.com/whoami\"");
		}
	}

	@Test
	void headersFromAnUntrustedPeerAreIgnored() {
		try (RunningWebApp app = RunningWebApp.start(List.of(WhoAmI.class),
				"hardening.client-ip.trusted-proxies=10.0.0.0/8")) {
			HttpResponse<String> response = RunningWebApp.send(app.request("/whoami")
				.header("X-Forwarded-For", "203.0.113.50")
				.header("X-Forwarded-Proto", "https")
				.GET()
				.build());
			assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.1\"", "\"secure\":false");
		}
	}

	@Test
	void wrappingCanBeSwitchedOffWhileResolutionStillWorks() {
		try (RunningWebApp app = RunningWebApp.start(List.of(WhoAmI.class), "hardening.client-ip.wrap-request=false")) {
			HttpResponse<String> response = RunningWebApp
				.send(app.request("/whoami").header("X-Forwarded-For", "203.0.113.50").GET().build());
			assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.1\"", "\"resolved\":\"203.0.113.50\"");
		}
	}

	@RestController
	static class WhoAmI {

		private final ClientAddressResolver resolver;

		WhoAmI(ClientAddressResolver resolver) {
			this.resolver = resolver;
		}

		@GetMapping("/whoami")
		Map<String, Object> whoami(HttpServletRequest request) {
			return Map.of("remoteAddr", request.getRemoteAddr(), "secure", request.isSecure(), "url",
					request.getRequestURL().toString(), "resolved", this.resolver.resolve(request).ip());
		}

	}

}
