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
 * @param policyField this policy's items of the {@code RateLimit-Policy} field, the same on every response
 */
public record RateLimitPolicy(String name, List<PathPattern> paths, Set<String> methods,
		RateLimitKeyResolver keyResolver, List<Quota> quotas, int cost, BucketConfiguration configuration,
		String policyField) {

	/**
	 * Creates a policy, formatting its {@code RateLimit-Policy} items once.
	 * @param name policy name
	 * @param paths path patterns
	 * @param methods HTTP methods, upper case
	 * @param keyResolver tells the bucket key of a request
	 * @param quotas the bandwidths as advertised
	 * @param cost tokens per request
	 * @param configuration the Bucket4j configuration
	 */
	public RateLimitPolicy(String name, List<PathPattern> paths, Set<String> methods,
			RateLimitKeyResolver keyResolver, List<Quota> quotas, int cost, BucketConfiguration configuration) {
		this(name, paths, methods, keyResolver, quotas, cost, configuration, RateLimitHeaders.policyItems(quotas));
	}

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
		for (int i = 0; i < this.paths.size(); i++) {
			if (this.paths.get(i).matches(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the store key of a request's bucket: the policy's name and the request's key, so that two
	 * policies with the same key kind never share a bucket.
	 * @param key the request's key as the {@link #keyResolver()} resolved it
	 * @return the bucket key
	 */
	public String bucketKey(String key) {
		return this.name + ":" + key;
	}

}
