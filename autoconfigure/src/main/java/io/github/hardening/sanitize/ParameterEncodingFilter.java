package io.github.hardening.sanitize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Finds query parameters and form fields whose percent-encoding is broken ({@code %zz}, {@code %e2%82}) or
 * whose bytes are not well-formed in their charset, which the container would otherwise replace or drop
 * silently. It refuses nothing itself: it records what it found for {@link MalformedParameterInterceptor},
 * which knows the handler and so the {@link RawText} parameters. A query string without {@code %} is not
 * decoded at all. (Tomcat refuses such paths itself, before any filter; see {@link MalformedPathValve}.)
 */
public class ParameterEncodingFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final long maxFormBytes;

	private final int maxParameters;

	/**
	 * Creates the filter.
	 * @param maxFormBytes largest form body parsed (the container's maximum form post size)
	 * @param maxParameters most parameters kept per request (the container's maximum parameter count)
	 */
	public ParameterEncodingFilter(long maxFormBytes, int maxParameters) {
		this.maxFormBytes = maxFormBytes;
		this.maxParameters = maxParameters;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		MalformedParameters found = null;
		String query = request.getQueryString();
		if (query != null && query.indexOf('%') >= 0) {
			// The container decodes query strings as UTF-8 (server.tomcat.uri-encoding).
			MalformedParameters names = new MalformedParameters();
			UrlEncodedPairs.forEachMalformed(query, StandardCharsets.UTF_8, names::addParameter);
			found = names.isEmpty() ? null : names;
		}
		HttpServletRequest target = request;
		if (isFormPost(request)) {
			found = (found != null) ? found : new MalformedParameters();
			found.setFormPending(true);
			target = new StrictFormRequestWrapper(request, found, this.maxFormBytes, this.maxParameters);
		}
		if (found != null && (!found.isEmpty() || found.isFormPending())) {
			request.setAttribute(MalformedParameters.ATTRIBUTE, found);
		}
		chain.doFilter(target, response);
	}

	// Only POST: the container parses no other body into parameters, and Spring's FormContentFilter reads
	// PUT, PATCH and DELETE bodies itself.
	private static boolean isFormPost(HttpServletRequest request) {
		String contentType = request.getContentType();
		return "POST".equals(request.getMethod()) && contentType != null
				&& contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
	}

}
