package io.github.hardening.signedurl;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Requires a validly signed URL on the protected paths.
 */
public class SignedUrlFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient List<PathPattern> protectedPaths;

	private final transient SignedUrlEnforcer enforcer;

	/**
	 * Creates the filter.
	 * @param protectedPaths paths where a signature is required
	 * @param enforcer verifies and refuses
	 */
	public SignedUrlFilter(List<PathPattern> protectedPaths, SignedUrlEnforcer enforcer) {
		this.protectedPaths = protectedPaths;
		this.enforcer = enforcer;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!isProtected(request) || this.enforcer.enforce(request, response)) {
			chain.doFilter(request, response);
		}
	}

	private boolean isProtected(HttpServletRequest request) {
		if (this.protectedPaths.isEmpty()) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern pattern : this.protectedPaths) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
