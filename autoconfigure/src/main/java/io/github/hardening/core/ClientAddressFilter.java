package io.github.hardening.core;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Resolves the client address once per request and, when it came through a trusted proxy, exposes it
 * through {@link HttpServletRequest#getRemoteAddr()}, {@link HttpServletRequest#isSecure()} and friends.
 */
public class ClientAddressFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient ClientAddressResolver resolver;

	private final boolean wrapRequest;

	/**
	 * Creates the filter.
	 * @param resolver the resolver
	 * @param wrapRequest whether the request is wrapped so that the servlet API reports the resolved values
	 */
	public ClientAddressFilter(ClientAddressResolver resolver, boolean wrapRequest) {
		this.resolver = resolver;
		this.wrapRequest = wrapRequest;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		ClientAddress address = this.resolver.resolve(request);
		if (this.wrapRequest && address.forwarded() && !(request instanceof ClientAddressRequestWrapper)) {
			chain.doFilter(new ClientAddressRequestWrapper(request, address), response);
			return;
		}
		chain.doFilter(request, response);
	}

}
