package io.github.hardening.ratelimit;

import java.util.List;
import java.util.Set;

import io.github.bucket4j.BucketConfiguration;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A validated policy: which requests, which bucket per request, and the bucket's bandwidths.
 *
 * @param name policy name
 * @param paths path patterns; empty for a policy applied only through {@link RateLimited}
 * @param methods HTTP methods, upper case; empty for all
 * @param keyResolver tells the bucket key of a request
 * @param quotas the bandwidths as advertised, in configuration order
 * @param cost tokens per request
 * @param configuration the Bucket4j configuration of every bucket of this policy
 */
public record RateLimitPolicy(String name, List<PathPattern> paths, Set<String> methods,
		RateLimitKeyResolver keyResolver, List<Quota> quotas, int cost, BucketConfiguration configuration) {

	/**
	 * Tells whether the policy applies to a request by its path and method.
	 * @param method the request method
	 * @param path the path within the application
	 * @return whether it applies
	 */
	public boolean matches(String method, PathContainer path) {
		if (!this.methods.isEmpty() && !this.methods.contains(method)) {
			return false;
		}
		for (PathPattern pattern : this.paths) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

}
