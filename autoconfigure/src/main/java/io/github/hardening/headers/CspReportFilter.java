package io.github.hardening.headers;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;
import io.github.hardening.core.StandardProblemTypes;

/**
 * Receives CSP violation reports ({@code application/csp-report} from {@code report-uri},
 * {@code application/reports+json} from the Reporting API), counts them per directive and answers 204.
 * Bodies are size-limited because anyone can post here.
 */
public class CspReportFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	static final ProblemType MALFORMED_REPORT = ProblemType.of("csp-report-malformed", "Malformed CSP report", 400);

	private static final Log logger = LogFactory.getLog(CspReportFilter.class);

	private final String path;

	private final int maxBytes;

	private final transient CspReportCounters counters;

	private final transient ProblemResponseWriter problems;

	private final transient ObjectMapper json;

	/**
	 * Creates the filter.
	 * @param path path reports are posted to
	 * @param maxBytes largest accepted body
	 * @param counters where reports are counted
	 * @param problems writer of error responses
	 * @param json parser of report bodies
	 */
	public CspReportFilter(String path, int maxBytes, CspReportCounters counters, ProblemResponseWriter problems,
			ObjectMapper json) {
		this.path = path;
		this.maxBytes = maxBytes;
		this.counters = counters;
		this.problems = problems;
		this.json = json;
	}

	/**
	 * Returns the path reports are posted to.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!this.path.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			chain.doFilter(request, response);
			return;
		}
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			this.problems.write(request, response, StandardProblemTypes.METHOD_NOT_ALLOWED, "Reports are POSTed.");
			return;
		}
		String contentType = (request.getContentType() != null)
				? request.getContentType().toLowerCase(Locale.ROOT) : "";
		if (!(contentType.startsWith("application/csp-report") || contentType.startsWith("application/reports+json")
				|| contentType.startsWith("application/json"))) {
			this.problems.write(request, response, StandardProblemTypes.UNSUPPORTED_MEDIA_TYPE,
					"Send application/csp-report or application/reports+json.");
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			this.problems.write(request, response, StandardProblemTypes.PAYLOAD_TOO_LARGE,
					"A report may be at most " + this.maxBytes + " bytes.");
			return;
		}
		byte[] body = request.getInputStream().readNBytes(this.maxBytes + 1);
		if (body.length > this.maxBytes) {
			this.problems.write(request, response, StandardProblemTypes.PAYLOAD_TOO_LARGE,
					"A report may be at most " + this.maxBytes + " bytes.");
			return;
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (IOException ex) {
			root = null;
		}
		if (root == null || !(root.isObject() || root.isArray())) {
			this.problems.write(request, response, MALFORMED_REPORT, "The body is not a CSP violation report.");
			return;
		}
		count(root);
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

	private void count(JsonNode root) {
		if (root.isArray()) {
			for (JsonNode report : root) {
				if ("csp-violation".equals(report.path("type").asText())) {
					record(report.path("body").path("effectiveDirective").asText(""),
							report.path("body").path("blockedURL").asText(""));
				}
			}
			return;
		}
		JsonNode report = root.path("csp-report");
		String directive = report.path("effective-directive").asText("");
		if (directive.isEmpty()) {
			directive = report.path("violated-directive").asText("").split(" ")[0];
		}
		record(directive, report.path("blocked-uri").asText(""));
	}

	private void record(String directive, String blocked) {
		String counted = this.counters.increment(directive);
		if (logger.isDebugEnabled()) {
			logger.debug("CSP violation of " + counted + " blocking "
					+ blocked.substring(0, Math.min(blocked.length(), 200)).replaceAll("[\\p{Cntrl}]", "?"));
		}
	}

}
