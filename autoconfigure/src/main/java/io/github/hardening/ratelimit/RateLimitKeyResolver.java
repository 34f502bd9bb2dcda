package io.github.hardening.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells which bucket of a policy a request draws from.
 */
@FunctionalInterface
public interface RateLimitKeyResolver {

	/**
	 * Returns the bucket key of a request.
	 * @param request the request
	 * @return the key, or {@code null} when the request lacks what the key is made of and must be refused
	 */
	String resolve(HttpServletRequest request);

	/**
	 * Tells whether the key needs the authenticated user, which is only known once security filters ran, so
	 * the policy is enforced in the MVC interceptor rather than in the early filter.
	 * @return whether the user is needed
	 */
	default boolean needsUser() {
		return false;
	}

}
