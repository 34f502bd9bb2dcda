package io.github.hardening.ratelimit;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.ServletRequestPathUtils;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.IpAddressRange;
import io.github.hardening.core.IpAddresses;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Applies the deny and allow lists and every path-matched policy not keyed by user, before any work is done on
 * the request. Policies keyed by user and {@link RateLimited} handlers are left to {@link RateLimitInterceptor}.
 */
public class RateLimitFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	/** Request attribute set when the client is on the allow list, so the interceptor skips it too. */
	static final String UNLIMITED = RateLimitFilter.class.getName() + ".UNLIMITED";

	private final transient RateLimitRules rules;

	private final transient RateLimitEnforcer enforcer;

	private final transient ClientAddressResolver clients;

	private final transient ProblemResponseWriter problems;

	private final transient RateLimitCounters counters;

	/**
	 * Creates the filter.
	 * @param rules the policies and lists
	 * @param enforcer checks policies
	 * @param clients resolves the client address through trusted proxies
	 * @param problems writes the deny-list refusal
	 * @param counters counts deny-list refusals
	 */
	public RateLimitFilter(RateLimitRules rules, RateLimitEnforcer enforcer, ClientAddressResolver clients,
			ProblemResponseWriter problems, RateLimitCounters counters) {
		this.rules = rules;
		this.enforcer = enforcer;
		this.clients = clients;
		this.problems = problems;
		this.counters = counters;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		PathContainer path = pathWithinApplication(request);
		if (this.rules.isExcluded(path)) {
			request.setAttribute(UNLIMITED, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		if (!this.rules.denyList().isEmpty() || !this.rules.allowList().isEmpty()) {
			byte[] address = IpAddresses.parse(this.clients.resolve(request).ip());
			if (contains(this.rules.denyList(), address)) {
				this.counters.increment(RateLimitCounters.DENY_LIST, "denied");
				this.problems.write(request, response, RateLimitProblems.DENIED,
						"Requests from this address are not accepted.");
				return;
			}
			if (contains(this.rules.allowList(), address)) {
				request.setAttribute(UNLIMITED, Boolean.TRUE);
				chain.doFilter(request, response);
				return;
			}
		}
		List<RateLimitPolicy> policies = this.rules.matching(request.getMethod(), path, false);
		if (policies.isEmpty() || this.enforcer.enforce(request, response, policies)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Returns the request's path within the application, reusing the path Spring MVC parsed for this request
	 * (so the interceptor does not parse it twice) and parsing it otherwise.
	 * @param request the request
	 * @return the path
	 */
	static PathContainer pathWithinApplication(HttpServletRequest request) {
		// Only an original request's parsed path is the request URI's; an include's or error dispatch's is not.
		if (request.getDispatcherType() == DispatcherType.REQUEST
				&& ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		}
		return PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
	}

	private static boolean contains(List<IpAddressRange> ranges, byte[] address) {
		for (IpAddressRange range : ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

}
