package io.github.hardening.benchmarks;

import jakarta.servlet.ServletContext;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/**
 * Fresh mock requests and responses for one benchmark invocation each. They share one servlet context,
 * because {@code new MockHttpServletRequest()} would build a {@link MockServletContext} every time and
 * drown the filters' cost in it.
 */
final class MockExchanges {

	/** The servlet context every request and every benchmark's Spring context share. */
	static final ServletContext SERVLET_CONTEXT = new MockServletContext();

	/** A public client address, as a direct (not proxied) client has. */
	static final String CLIENT = "203.0.113.7";

	/** A private address inside the default trusted-proxy ranges, as a load balancer has. */
	static final String PROXY = "10.0.0.5";

	private MockExchanges() {
	}

	/**
	 * Creates a request. Two variants compared with each other must be built with the same number of
	 * headers, so that the mocks cost the same in both.
	 * @param method the HTTP method
	 * @param path the request URI
	 * @param remoteAddr the peer's address
	 * @param headers header names and values, alternating
	 * @return the request
	 */
	static MockHttpServletRequest request(String method, String path, String remoteAddr, String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest(SERVLET_CONTEXT, method, path);
		request.setRemoteAddr(remoteAddr);
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	/**
	 * Creates an empty response.
	 * @return the response
	 */
	static MockHttpServletResponse response() {
		return new MockHttpServletResponse();
	}

}
