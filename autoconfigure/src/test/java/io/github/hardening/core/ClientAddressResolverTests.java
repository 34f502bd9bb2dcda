package io.github.hardening.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTests {

	private final ClientAddressResolver resolver = new ClientAddressResolver(
			TrustedProxies.of(List.of("10.0.0.0/8", "::1/128")), true);

	@Test
	void untrustedPeerKeepsItsOwnAddressWhateverItClaims() {
		MockHttpServletRequest request = request("203.0.113.9");
		request.addHeader("X-Forwarded-For", "1.1.1.1");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("Forwarded", "for=2.2.2.2;proto=https");
		ClientAddress address = this.resolver.resolve(request);
		assertThat(address.ip()).isEqualTo("203.0.113.9");
		assertThat(address.secure()).isFalse();
		assertThat(address.forwarded()).isFalse();
	}

	@Test
	void chainIsWalkedRightToLeftPastTrustedHops() {
		MockHttpServletRequest request = request("10.0.0.1");
		// The client (198.51.100.7) prepended a spoofed entry; our two proxies appended the rest.
		request.addHeader("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.2");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("198.51.100.7");
	}

	@Test
	void separateHeaderLinesFormOneChain() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "6.6.6.6");
		request.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.2");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("198.51.100.7");
	}

	@Test
	void allTrustedChainYieldsTheLeftMostHop() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "10.9.9.9, 10.0.0.2");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("10.9.9.9");
	}

	@Test
	void garbageInTheChainStopsTheWalk() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7, unknown, 10.0.0.2");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("10.0.0.2");
	}

	@Test
	void portsAndBracketsAreStripped() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7:5678");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedHeaderWinsAndCarriesProtoAndHost() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "9.9.9.9");
		request.addHeader("Forwarded",
				"for=\"[2001:db8:cafe::17]:4711\";proto=https;host=app.example.com, for=10.0.0.2;proto=http");
		ClientAddress address = this.resolver.resolve(request);
		assertThat(address.ip()).isEqualTo("2001:db8:cafe::17");
		assertThat(address.scheme()).isEqualTo("https");
		assertThat(address.host()).isEqualTo("app.example.com");
		assertThat(address.port()).isEqualTo(443);
	}

	@Test
	void forwardedHeaderIsIgnoredWhenSwitchedOff() {
		ClientAddressResolver xffOnly = new ClientAddressResolver(TrustedProxies.of(List.of("10.0.0.0/8")), false);
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "9.9.9.9");
		request.addHeader("Forwarded", "for=8.8.8.8");
		assertThat(xffOnly.resolve(request).ip()).isEqualTo("9.9.9.9");
	}

	@Test
	void singleProtoFromTheEdgeAppliesToTheWholeChain() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.2");
		request.addHeader("X-Forwarded-Proto", "https");
		ClientAddress address = this.resolver.resolve(request);
		assertThat(address.secure()).isTrue();
		assertThat(address.port()).isEqualTo(443);
	}

	@Test
	void protoListAlignedWithTheChainIsReadAtTheClientsHop() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7, 10.0.0.2");
		request.addHeader("X-Forwarded-Proto", "https, http");
		assertThat(this.resolver.resolve(request).scheme()).isEqualTo("https");
	}

	@Test
	void forwardedHostAndPortAreApplied() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "shop.example.com");
		request.addHeader("X-Forwarded-Port", "8443");
		ClientAddress address = this.resolver.resolve(request);
		assertThat(address.host()).isEqualTo("shop.example.com");
		assertThat(address.port()).isEqualTo(8443);
	}

	@Test
	void hostileForwardedHostIsIgnored() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.setServerName("app.internal");
		request.addHeader("X-Forwarded-For", "198.51.100.7");
		request.addHeader("X-Forwarded-Host", "evil.example/path?x=<script>");
		assertThat(this.resolver.resolve(request).host()).isEqualTo("app.internal");
	}

	@Test
	void unknownProtoIsIgnored() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-Proto", "gopher");
		assertThat(this.resolver.resolve(request).scheme()).isEqualTo("http");
	}

	@Test
	void trustedPeerWithoutHeadersIsTheClient() {
		MockHttpServletRequest request = request("::1");
		assertThat(this.resolver.resolve(request).ip()).isEqualTo("::1");
		assertThat(this.resolver.resolve(request).forwarded()).isFalse();
	}

	@Test
	void resultIsCachedOnTheRequest() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.7");
		ClientAddress first = this.resolver.resolve(request);
		assertThat(this.resolver.resolve(request)).isSameAs(first);
	}

	private static MockHttpServletRequest request(String remoteAddr) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr(remoteAddr);
		return request;
	}

}
