package io.github.hardening.ratelimit;

import java.lang.reflect.AnnotatedElement;
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

	/** Whether any policy is keyed by user; without one, only annotated handlers give this interceptor work. */
	private final boolean userPolicies;

	/**
	 * {@link RateLimited} per handler method and per handler type, looked up once: merged-annotation search
	 * allocates on every call, and the handlers are a fixed set.
	 */
	private final Map<Method, Optional<RateLimited>> onMethods = new ConcurrentHashMap<>();

	private final Map<Class<?>, Optional<RateLimited>> onTypes = new ConcurrentHashMap<>();

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
		if (annotation == null && !this.userPolicies) {
			return true;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		List<RateLimitPolicy> policies = new ArrayList<>(this.rules.matching(request.getMethod(), path, true));
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

	private RateLimited cachedAnnotation(HandlerMethod method) {
		RateLimited onMethod = this.onMethods.computeIfAbsent(method.getMethod(), RateLimitInterceptor::find)
			.orElse(null);
		return (onMethod != null) ? onMethod
				: this.onTypes.computeIfAbsent(method.getBeanType(), RateLimitInterceptor::find).orElse(null);
	}

	static RateLimited annotation(HandlerMethod method) {
		return find(method.getMethod()).or(() -> find(method.getBeanType())).orElse(null);
	}

	private static Optional<RateLimited> find(AnnotatedElement element) {
		return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(element, RateLimited.class));
	}

}
