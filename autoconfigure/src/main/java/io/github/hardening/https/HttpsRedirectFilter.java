package io.github.hardening.https;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.github.hardening.core.ClientAddress;
import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningCounter;

/**
 * Redirects requests that reached the application over plain HTTP (directly, or through a trusted proxy
 * that says so) to the same URL over HTTPS. Excluded paths, typically health probes, are served as they are.
 */
public class HttpsRedirectFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient ClientAddressResolver clientAddresses;

	private final transient List<PathPattern> excluded;

	private final int status;

	private final String fixedAuthority;

	private final int port;

	private final transient HardeningCounter redirects;

	/**
	 * Creates the filter.
	 * @param clientAddresses resolves the scheme and host the client used
	 * @param excluded paths that are never redirected
	 * @param status redirect status code
	 * @param host fixed host of the HTTPS URL, or {@code null} for the requested host
	 * @param port HTTPS port
	 * @param redirects counts the redirects
	 */
	public HttpsRedirectFilter(ClientAddressResolver clientAddresses, List<PathPattern> excluded, int status,
			String host, int port, HardeningCounter redirects) {
		this.clientAddresses = clientAddresses;
		this.excluded = excluded;
		this.status = status;
		this.fixedAuthority = (host != null) ? authority(host, port) : null;
		this.port = port;
		this.redirects = redirects;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		ClientAddress client = this.clientAddresses.resolve(request);
		if (client.secure() || isExcluded(request)) {
			chain.doFilter(request, response);
			return;
		}
		String authority = (this.fixedAuthority != null) ? this.fixedAuthority : authority(client.host(), this.port);
		StringBuilder location = new StringBuilder(64).append("https://").append(authority)
			.append(request.getRequestURI());
		if (request.getQueryString() != null) {
			location.append('?').append(request.getQueryString());
		}
		this.redirects.increment();
		response.setStatus(this.status);
		response.setHeader("Location", location.toString());
		response.setContentLength(0);
	}

	private boolean isExcluded(HttpServletRequest request) {
		if (this.excluded.isEmpty()) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern pattern : this.excluded) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	private static String authority(String host, int port) {
		String bracketed = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		return (port == 443) ? bracketed : bracketed + ":" + port;
	}

}
