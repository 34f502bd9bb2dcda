package io.github.hardening.ratelimit;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies, once the handler is known and security filters have run, the policies keyed by user and those
 * named by {@link RateLimited} on the handler.
 */
public class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimitRules rules;

	private final RateLimitEnforcer enforcer;

	/**
	 * Creates the interceptor.
	 * @param rules the policies
	 * @param enforcer checks policies
	 */
	public RateLimitInterceptor(RateLimitRules rules, RateLimitEnforcer enforcer) {
		this.rules = rules;
		this.enforcer = enforcer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getAttribute(RateLimitFilter.UNLIMITED) != null) {
			return true;
		}
		PathContainer path = RateLimitFilter.pathWithinApplication(request);
		List<RateLimitPolicy> policies = new ArrayList<>(this.rules.matching(request.getMethod(), path, true));
		RateLimited annotation = (handler instanceof HandlerMethod method) ? annotation(method) : null;
		if (annotation != null) {
			for (String name : annotation.value()) {
				RateLimitPolicy policy = this.rules.policy(name);
				if (policy == null) {
					// Unknown names stop the start (RateLimitedHandlerValidator); handlers registered later are skipped.
					continue;
				}
				// A path-matched policy not keyed by user already took its tokens in the filter.
				boolean appliedByFilter = !policy.keyResolver().needsUser()
						&& policy.matches(request.getMethod(), path);
				if (!appliedByFilter && !policies.contains(policy)) {
					policies.add(policy);
				}
			}
		}
		return policies.isEmpty() || this.enforcer.enforce(request, response, policies);
	}

	static RateLimited annotation(HandlerMethod method) {
		RateLimited onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
	}

}
