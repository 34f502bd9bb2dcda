package io.github.hardening.sanitize;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Refuses request bodies larger than the limit: at once when {@code Content-Length} says so, and while
 * reading otherwise (chunked bodies, a {@code Content-Length} that lies). Multipart bodies are left to the
 * multipart limits.
 */
public class RequestBodyLimitFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final long maxBytes;

	private final transient ProblemResponseWriter problems;

	private final transient HardeningCounter rejected;

	/**
	 * Creates the filter.
	 * @param maxBytes largest body accepted
	 * @param problems writes the 413 problem
	 * @param rejected counts refused bodies
	 */
	public RequestBodyLimitFilter(long maxBytes, ProblemResponseWriter problems, HardeningCounter rejected) {
		this.maxBytes = maxBytes;
		this.problems = problems;
		this.rejected = rejected;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (isMultipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			reject(request, response);
			return;
		}
		try {
			chain.doFilter(new BodyLimitRequestWrapper(request, this.maxBytes), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Code that read the body itself (not through Spring MVC's converters) lets the exception out.
			if (!causedByLimit(ex) || response.isCommitted()) {
				throw ex;
			}
			reject(request, response);
		}
	}

	/**
	 * Writes the 413 problem and counts it; also used by the MVC exception handler.
	 * @param request the request
	 * @param response the response
	 * @throws IOException when writing fails
	 */
	void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.rejected.increment();
		// The rest of the body is not read: the connection is closed rather than drained.
		response.setHeader("Connection", "close");
		this.problems.write(request, response, SanitizeProblemTypes.BODY_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes.",
				Map.of("limit", "max-body-size", "maxBytes", this.maxBytes));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
	}

	private static boolean causedByLimit(Throwable ex) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (current instanceof BodyTooLargeException) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

}
