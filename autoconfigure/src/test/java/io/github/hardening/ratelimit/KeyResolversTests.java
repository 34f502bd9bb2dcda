package io.github.hardening.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.TrustedProxies;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every key kind: what bucket a request lands in, fallbacks, and refusals of unknown kinds.
 */
class KeyResolversTests {

	private static final ClientAddressResolver CLIENTS = new ClientAddressResolver(TrustedProxies.of(
			TrustedProxies.DEFAULT_RANGES), true);

	private static final RateLimitPolicyProperties.MissingKey IP = RateLimitPolicyProperties.MissingKey.IP;

	@Test
	void ipIsTheClientAddressThroughTrustedProxies() {
		MockHttpServletRequest direct = request("203.0.113.5");
		direct.addHeader("X-Forwarded-For", "198.51.100.1");
		MockHttpServletRequest proxied = request("10.0.0.1");
		proxied.addHeader("X-Forwarded-For", "198.51.100.1");
		RateLimitKeyResolver ip = KeyResolvers.parse("ip", IP, CLIENTS);
		assertThat(ip.resolve(direct)).as("untrusted peer: header ignored").isEqualTo("203.0.113.5");
		assertThat(ip.resolve(proxied)).as("trusted proxy: header believed").isEqualTo("198.51.100.1");
	}

	@Test
	void headerIsHashedAndFallsBackToIpOrRefuses() {
		MockHttpServletRequest withKey = request("203.0.113.5");
		withKey.addHeader("X-Api-Key", "secret-key-1");
		RateLimitKeyResolver fallback = KeyResolvers.parse("header:X-Api-Key", IP, CLIENTS);
		RateLimitKeyResolver strict = KeyResolvers.parse("header:X-Api-Key", RateLimitPolicyProperties.MissingKey.REJECT,
				CLIENTS);
		assertThat(fallback.resolve(withKey)).startsWith("h:").doesNotContain("secret").hasSize(34);
		assertThat(fallback.resolve(request("203.0.113.5"))).isEqualTo("203.0.113.5");
		assertThat(strict.resolve(request("203.0.113.5"))).isNull();
	}

	@Test
	void headerKeyIsTheFirstHalfOfTheValuesSha256InLowerCaseHex() throws Exception {
		RateLimitKeyResolver header = KeyResolvers.parse("header:X-Api-Key", IP, CLIENTS);
		for (String value : new String[] { "secret-key-1", "another key", "clé-ünïcode" }) {
			MockHttpServletRequest request = request("203.0.113.5");
			request.addHeader("X-Api-Key", value);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			// Redis keys and bans outlive a deploy: the key of an API key must not change between versions.
			assertThat(header.resolve(request)).isEqualTo("h:" + HexFormat.of().formatHex(digest, 0, 16));
		}
	}

	@Test
	void userIsThePrincipalOrTheClientAddress() {
		MockHttpServletRequest anonymous = request("203.0.113.5");
		MockHttpServletRequest alice = request("203.0.113.5");
		alice.setUserPrincipal(() -> "alice");
		RateLimitKeyResolver user = KeyResolvers.parse("user", IP, CLIENTS);
		assertThat(user.needsUser()).isTrue();
		assertThat(user.resolve(alice)).isEqualTo("user:alice");
		assertThat(user.resolve(anonymous)).isEqualTo("203.0.113.5");
	}

	@Test
	void globalIsOneBucket() {
		assertThat(KeyResolvers.parse("global", IP, CLIENTS).resolve(request("203.0.113.5"))).isEqualTo("global");
	}

	@Test
	void spelIsEvaluatedOverTheRequestAndCannotReachTypes() {
		MockHttpServletRequest tenant = request("203.0.113.5");
		tenant.addHeader("X-Tenant", "acme");
		RateLimitKeyResolver spel = KeyResolvers.parse("spel:getHeader('X-Tenant')", IP, CLIENTS);
		assertThat(spel.resolve(tenant)).isEqualTo("spel:acme");
		assertThat(spel.resolve(request("203.0.113.5"))).as("null falls back to ip").isEqualTo("203.0.113.5");
		RateLimitKeyResolver types = KeyResolvers.parse("spel:T(java.lang.System).getenv('HOME')", IP, CLIENTS);
		assertThat(types).isNotNull();
		org.assertj.core.api.Assertions.assertThatException().isThrownBy(() -> types.resolve(tenant));
	}

	@Test
	void unknownKindsAndBadExpressionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyResolvers.parse("session", IP, CLIENTS))
			.withMessageContaining("Unknown key kind 'session'");
		assertThatIllegalArgumentException().isThrownBy(() -> KeyResolvers.parse("spel:getHeader(", IP, CLIENTS))
			.withMessageContaining("Not a valid SpEL expression");
		assertThatIllegalArgumentException().isThrownBy(() -> KeyResolvers.parse("header:X Api", IP, CLIENTS));
	}

	private static MockHttpServletRequest request(String remoteAddr) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
		request.setRemoteAddr(remoteAddr);
		return request;
	}

}
