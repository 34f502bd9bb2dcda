package io.github.hardening.sanitize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.hardening.core.ProblemResponseWriter;

/**
 * Finds query parameters and form fields whose percent-encoding is broken ({@code %zz}, {@code %e2%82}) or
 * whose bytes are not well-formed in their charset, which the container would otherwise replace or drop
 * silently. It refuses nothing itself: it records what it found for {@link MalformedParameterInterceptor},
 * which knows the handler and so the {@link RawText} parameters. A query string without {@code %} is not
 * decoded at all. (Tomcat refuses such paths itself, before any filter; see {@link MalformedPathValve}.)
 */
public class ParameterEncodingFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	/** Methods whose form bodies Spring's FormContentFilter parses; the container parses only POST bodies. */
	private static final Set<String> FORM_CONTENT_FILTER_METHODS = Set.of("PUT", "PATCH", "DELETE");

	private final long maxFormBytes;

	private final int maxParameters;

	private final boolean formContentFilter;

	private final transient ProblemResponseWriter problems;

	/**
	 * Creates the filter.
	 * @param maxFormBytes largest form body parsed (the container's maximum form post size)
	 * @param maxParameters most parameters kept per request (the container's maximum parameter count)
	 * @param formContentFilter whether Spring's {@code FormContentFilter} turns PUT, PATCH and DELETE form
	 * bodies into parameters, so that those are parsed here too
	 * @param problems writes the 413 problem of a form body too large for a filter that let it out
	 */
	public ParameterEncodingFilter(long maxFormBytes, int maxParameters, boolean formContentFilter,
			ProblemResponseWriter problems) {
		this.maxFormBytes = maxFormBytes;
		this.maxParameters = maxParameters;
		this.formContentFilter = formContentFilter;
		this.problems = problems;
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
		String method = request.getMethod();
		boolean post = "POST".equals(method);
		if (isForm(request) && (post || (this.formContentFilter && FORM_CONTENT_FILTER_METHODS.contains(method)))) {
			found = (found != null) ? found : new MalformedParameters();
			found.setFormPending(true);
			target = new StrictFormRequestWrapper(request, found, this.maxFormBytes, this.maxParameters, !post);
		}
		if (found != null && (!found.isEmpty() || found.isFormPending())) {
			request.setAttribute(MalformedParameters.ATTRIBUTE, found);
		}
		if (target == request) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(target, response);
		}
		catch (StrictFormRequestWrapper.UncheckedBodyTooLargeException ex) {
			// Spring MVC answers it; a filter that read the parameters (FormContentFilter) lets it out to here.
			if (response.isCommitted()) {
				throw ex;
			}
			BodyTooLargeException tooLarge = (BodyTooLargeException) ex.getCause();
			response.setHeader("Connection", "close");
			this.problems.write(request, response, SanitizeProblemTypes.BODY_TOO_LARGE,
					"The request body is larger than " + tooLarge.getMaxBytes() + " bytes.",
					Map.of("limit", tooLarge.getLimit(), "maxBytes", tooLarge.getMaxBytes()));
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
	}

}
