package io.github.hardening.sanitize;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.github.hardening.core.ProblemResponseWriter;

/**
 * Runs the suspicious-input detector on the query string's parameters and the path, and sets the mode for
 * the JSON strings read later. In report mode it never changes or refuses a request; it writes one log line
 * per request with findings.
 */
public class SuspiciousInputFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final DetectorMode defaultMode;

	private final transient Map<PathPattern, DetectorMode> pathModes;

	private final transient SuspiciousInputFindings findings;

	private final transient ProblemResponseWriter problems;

	/**
	 * Creates the filter.
	 * @param defaultMode mode where no path override applies
	 * @param pathModes overrides by path pattern, first match wins
	 * @param findings counts, logs and blocks
	 * @param problems writes the 403 problem
	 */
	public SuspiciousInputFilter(DetectorMode defaultMode, Map<PathPattern, DetectorMode> pathModes,
			SuspiciousInputFindings findings, ProblemResponseWriter problems) {
		this.defaultMode = defaultMode;
		this.pathModes = pathModes;
		this.findings = findings;
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		DetectorMode mode = modeFor(request);
		if (mode == DetectorMode.OFF) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(SuspiciousInputFindings.MODE_ATTRIBUTE, mode);
		try {
			this.findings.inspect(request, "path", null, request.getRequestURI());
			String query = request.getQueryString();
			if (query != null) {
				// Only the query string: form bodies are not read here, so the body limits keep applying.
				QueryParameters.forEach(query, (name, value) -> {
					this.findings.inspect(request, "parameter name", null, name);
					this.findings.inspect(request, "parameter", name, value);
				});
			}
		}
		catch (SuspiciousInputException ex) {
			this.problems.write(request, response, SanitizeProblemTypes.SUSPICIOUS_INPUT,
					"The request matched a " + ex.getKind().tag() + " signature.", Map.of("kind", ex.getKind().tag()));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.findings.logReported(request);
		}
	}

	private DetectorMode modeFor(HttpServletRequest request) {
		if (this.pathModes.isEmpty()) {
			return this.defaultMode;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Map.Entry<PathPattern, DetectorMode> entry : this.pathModes.entrySet()) {
			if (entry.getKey().matches(path)) {
				return entry.getValue();
			}
		}
		return this.defaultMode;
	}

}
