package io.github.hardening.ratelimit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

	private final boolean userPolicies;

	/** Each handler's {@link RateLimited}, looked up once: merged-annotation lookups allocate on every call. */
	private final Map<Class<?>, Map<Method, Optional<RateLimited>>> annotations = new ConcurrentHashMap<>();

	/**
	 * Creates the interceptor.
	 * @param rules the policies
	 * @param enforcer checks policies
	 */
	public RateLimitInterceptor(RateLimitRules rules, RateLimitEnforcer enforcer) {
		this.rules = rules;
		this.enforcer = enforcer;
		this.userPolicies = rules.hasUserPolicies();
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (request.getAttribute(RateLimitFilter.UNLIMITED) != null) {
			return true;
		}
		RateLimited annotation = (handler instanceof HandlerMethod method) ? cachedAnnotation(method) : null;
		if (!this.userPolicies && annotation == null) {
			// Nothing for the interceptor: every path-matched policy not keyed by user ran in the filter.
			return true;
		}
		PathContainer path = RateLimitFilter.pathWithinApplication(request);
		List<RateLimitPolicy> policies = this.rules.matching(request.getMethod(), path, true);
		if (annotation != null) {
			policies = new ArrayList<>(policies);
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

	private RateLimited cachedAnnotation(HandlerMethod method) {
		// Keyed by bean type too: a method inherited by two controllers may carry different class annotations.
		Map<Method, Optional<RateLimited>> byMethod = this.annotations.computeIfAbsent(method.getBeanType(),
				(type) -> new ConcurrentHashMap<>());
		Optional<RateLimited> cached = byMethod.get(method.getMethod());
		if (cached == null) {
			cached = Optional.ofNullable(annotation(method));
			byMethod.putIfAbsent(method.getMethod(), cached);
		}
		return cached.orElse(null);
	}

	static RateLimited annotation(HandlerMethod method) {
		RateLimited onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RateLimited.class);
		return (onMethod != null) ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RateLimited.class);
	}

}
