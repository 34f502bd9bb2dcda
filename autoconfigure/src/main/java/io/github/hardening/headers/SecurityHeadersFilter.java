package io.github.hardening.headers;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.hardening.core.ClientAddressResolver;

/**
 * Adds the security headers of the request's preset to its response, creating the CSP nonce first when
 * the preset uses one so that templates can read it.
 */
public class SecurityHeadersFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient PresetResolver presets;

	private final transient ClientAddressResolver clientAddresses;

	private final transient RemovedHeaders removed;

	/**
	 * Creates the filter.
	 * @param presets picks the headers per path
	 * @param clientAddresses tells whether the client used TLS, through trusted proxies
	 * @param removed names of headers that are never sent
	 */
	public SecurityHeadersFilter(PresetResolver presets, ClientAddressResolver clientAddresses, Set<String> removed) {
		this.presets = presets;
		this.clientAddresses = clientAddresses;
		this.removed = new RemovedHeaders(removed);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		PresetHeaders headers = this.presets.resolve(request);
		String nonce = headers.usesNonce() ? CspNonces.getOrCreate(request) : null;
		boolean secure = this.clientAddresses.resolve(request).secure();
		SecurityHeadersResponse wrapped = new SecurityHeadersResponse(response, headers, secure, nonce, this.removed);
		try {
			chain.doFilter(request, wrapped);
		}
		finally {
			// A response without a body never asked for its output stream; an async one is not finished yet.
			if (!request.isAsyncStarted()) {
				wrapped.writeHeaders();
			}
		}
	}

}
