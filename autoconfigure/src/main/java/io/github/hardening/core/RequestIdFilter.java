package io.github.hardening.core;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

/**
 * Assigns each request an id (the client's {@code X-Request-ID} when it is well formed, else a new one),
 * echoes it in the response and puts it in the logging MDC for the duration of the request.
 */
public class RequestIdFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String id = RequestIds.get(request);
		if (id == null) {
			String offered = request.getHeader(RequestIds.HEADER);
			id = RequestIds.isValid(offered) ? offered : RequestIds.generate();
			request.setAttribute(RequestIds.ATTRIBUTE, id);
		}
		if (!response.containsHeader(RequestIds.HEADER)) {
			response.setHeader(RequestIds.HEADER, id);
		}
		String previous = MDC.get(RequestIds.MDC_KEY);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(RequestIds.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

}
