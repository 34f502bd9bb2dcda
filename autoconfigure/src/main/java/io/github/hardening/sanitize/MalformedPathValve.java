package io.github.hardening.sanitize;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Answers a path that Tomcat refused before any filter ran, because a percent escape is broken or the bytes
 * are not well-formed UTF-8, with 400 {@code invalid-text} naming the field {@code path} instead of Tomcat's
 * HTML error page. Other early refusals keep Tomcat's answer.
 */
class MalformedPathValve extends ValveBase {

	static final String FIELD = "path";

	private final ProblemResponseWriter problems;

	private final HardeningCounter rejected;

	/**
	 * Creates the valve.
	 * @param problems writes the problem
	 * @param rejected counts refused values
	 */
	MalformedPathValve(ProblemResponseWriter problems, HardeningCounter rejected) {
		super(true);
		this.problems = problems;
		this.rejected = rejected;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		// Tomcat maps no context for a path it could not decode and has already set the 400.
		if (request.getContext() == null && response.isError() && response.getStatus() == 400
				&& !response.isCommitted() && isMalformed(request) && response.setErrorReported()) {
			this.rejected.increment();
			response.setSuspended(false);
			this.problems.write(request, response, SanitizeProblemTypes.INVALID_TEXT,
					"Field '" + FIELD + "' " + MalformedParameterInterceptor.REASON + ".", Map.of("field", FIELD));
		}
		getNext().invoke(request, response);
	}

	private static boolean isMalformed(Request request) {
		String uri = request.getRequestURI();
		return uri != null && uri.indexOf('%') >= 0
				&& UrlEncodedPairs.isPathMalformed(uri, request.getConnector().getURICharset());
	}

}
