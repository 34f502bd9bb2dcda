package io.github.hardening.cors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Applies the CORS policy of each request's path. Preflights are answered here, allowed or refused with a
 * problem response, and never reach the application. Other cross-origin requests always reach it; the
 * allowed ones get the {@code Access-Control-*} headers, the others get none, so the browser keeps the
 * response from the calling page.
 */
public class CorsPolicyFilter extends HttpFilter {

	/** Problem type of a refused preflight. */
	public static final ProblemType REJECTED = ProblemType.of("cors-rejected", "CORS request rejected", 403);

	private static final long serialVersionUID = 1L;

	private static final String[] VARY_ACTUAL = { HttpHeaders.ORIGIN };

	private static final String[] VARY_PREFLIGHT = { HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
			HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS };

	private static final String VARY_PREFLIGHT_VALUE = String.join(", ", VARY_PREFLIGHT);

	private final transient CorsPolicies policies;

	private final transient CorsDecider decider;

	private final transient ProblemResponseWriter problems;

	private final transient CorsRejectionCounters counters;

	/**
	 * Creates the filter.
	 * @param policies the policies by path
	 * @param decider decides each cross-origin request
	 * @param problems writes the problem response of a refused preflight
	 * @param counters counts refusals
	 */
	public CorsPolicyFilter(CorsPolicies policies, CorsDecider decider, ProblemResponseWriter problems,
			CorsRejectionCounters counters) {
		this.policies = policies;
		this.decider = decider;
		this.problems = problems;
		this.counters = counters;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		// Without an Origin the policy only matters for Vary, and only if some policy allows some origin.
		CorsConfiguration policy = (origin != null || this.policies.allowAnyOrigin())
				? this.policies.policyFor(request) : null;
		if (policy == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean preflight = origin != null && HttpMethod.OPTIONS.matches(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		if (CorsDecider.allowsAnyOrigin(policy)) {
			// Caches must not serve a response made for one origin to another.
			addVary(response, preflight ? VARY_PREFLIGHT : VARY_ACTUAL);
		}
		if (origin == null || response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
				|| SameOrigin.matches(origin, request.getScheme(), request.getServerName(), request.getServerPort())) {
			chain.doFilter(request, response);
			return;
		}
		CorsDecision decision = this.decider.decide(policy, corsRequest(request, origin));
		if (!decision.allowed()) {
			this.counters.increment(decision.rejection());
		}
		decision.headers().forEach(response::setHeader);
		if (!decision.preflight()) {
			// Refused or not, the request goes on: without Access-Control-Allow-Origin the browser withholds the
			// response from the calling page, and the application still sees what a non-browser client can send.
			chain.doFilter(request, response);
		}
		else if (decision.allowed()) {
			response.setStatus(HttpServletResponse.SC_OK);
		}
		else {
			this.problems.write(request, response, REJECTED, decision.detail());
		}
	}

	private static CorsRequest corsRequest(HttpServletRequest request, String origin) {
		List<String> headers = CorsRequest
			.headerNames(Collections.list(request.getHeaders(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)));
		return new CorsRequest(request.getMethod(), origin, request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD),
				headers);
	}

	private static void addVary(HttpServletResponse response, String... names) {
		if (!response.containsHeader(HttpHeaders.VARY)) {
			response.addHeader(HttpHeaders.VARY, (names.length == 1) ? names[0] : VARY_PREFLIGHT_VALUE);
			return;
		}
		List<String> present = new ArrayList<>();
		for (String value : response.getHeaders(HttpHeaders.VARY)) {
			for (String token : value.split(",")) {
				present.add(token.trim().toLowerCase(Locale.ROOT));
			}
		}
		if (present.contains("*")) {
			return;
		}
		List<String> missing = new ArrayList<>();
		for (String name : names) {
			if (!present.contains(name.toLowerCase(Locale.ROOT))) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			response.addHeader(HttpHeaders.VARY, String.join(", ", missing));
		}
	}

}
