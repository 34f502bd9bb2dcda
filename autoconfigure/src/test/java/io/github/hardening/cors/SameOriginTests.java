package io.github.hardening.cors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Origin header that names the server itself is not a cross-origin request.
 */
class SameOriginTests {

	@Test
	void defaultPortsAreImplied() {
		assertThat(SameOrigin.matches("https://shop.example.com", "https", "shop.example.com", 443)).isTrue();
		assertThat(SameOrigin.matches("http://shop.example.com", "http", "shop.example.com", 80)).isTrue();
		assertThat(SameOrigin.matches("https://shop.example.com:443", "https", "shop.example.com", 443)).isTrue();
	}

	@Test
	void schemeHostAndPortMustAllMatch() {
		assertThat(SameOrigin.matches("http://shop.example.com", "https", "shop.example.com", 443)).isFalse();
		assertThat(SameOrigin.matches("https://evil.example.com", "https", "shop.example.com", 443)).isFalse();
		assertThat(SameOrigin.matches("https://shop.example.com:8443", "https", "shop.example.com", 443)).isFalse();
		assertThat(SameOrigin.matches("https://shop.example.com.evil.net", "https", "shop.example.com", 443))
			.isFalse();
	}

	@Test
	void comparisonIgnoresCaseAndIpv6Brackets() {
		assertThat(SameOrigin.matches("HTTPS://Shop.Example.com", "https", "shop.example.com", 443)).isTrue();
		assertThat(SameOrigin.matches("http://[::1]:8080", "http", "[::1]", 8080)).isTrue();
		assertThat(SameOrigin.matches("http://[::1]:8080", "http", "::1", 8080)).isTrue();
	}

	@Test
	void opaqueAndMalformedOriginsAreNeverSameOrigin() {
		assertThat(SameOrigin.matches("null", "https", "null", 443)).isFalse();
		assertThat(SameOrigin.matches("https://shop.example.com/path", "https", "shop.example.com", 443)).isFalse();
		assertThat(SameOrigin.matches("https://shop.example.com:x", "https", "shop.example.com", 443)).isFalse();
	}

}
