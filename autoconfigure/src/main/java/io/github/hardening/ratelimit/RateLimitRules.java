package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

import io.github.hardening.core.IpAddressRange;

/**
 * The validated rate-limit configuration: policies, excluded paths, allow and deny lists.
 *
 * @param policies every policy, in configuration order
 * @param excludedPaths paths never limited
 * @param allowList client ranges never limited
 * @param denyList client ranges always refused
 */
public record RateLimitRules(List<RateLimitPolicy> policies, List<PathPattern> excludedPaths,
		List<IpAddressRange> allowList, List<IpAddressRange> denyList) {

	/**
	 * Tells whether a path is excluded from limiting.
	 * @param path the path within the application
	 * @return whether it is excluded
	 */
	public boolean isExcluded(PathContainer path) {
		for (int i = 0; i < this.excludedPaths.size(); i++) {
			if (this.excludedPaths.get(i).matches(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the policies whose paths and methods match a request.
	 * @param method request method
	 * @param path path within the application
	 * @param needsUser {@code true} for the policies keyed by user (checked after security), {@code false}
	 * for the others
	 * @return the matching policies, possibly empty
	 */
	public List<RateLimitPolicy> matching(String method, PathContainer path, boolean needsUser) {
		RateLimitPolicy first = null;
		List<RateLimitPolicy> result = null;
		for (int i = 0; i < this.policies.size(); i++) {
			RateLimitPolicy policy = this.policies.get(i);
			if (policy.keyResolver().needsUser() == needsUser && policy.matches(method, path)) {
				if (first == null) {
					first = policy;
				}
				else {
					if (result == null) {
						result = new ArrayList<>(2);
						result.add(first);
					}
					result.add(policy);
				}
			}
		}
		if (result != null) {
			return result;
		}
		return (first != null) ? List.of(first) : List.of();
	}

	/**
	 * Returns a policy by name.
	 * @param name the name
	 * @return the policy, or {@code null}
	 */
	public RateLimitPolicy policy(String name) {
		for (RateLimitPolicy policy : this.policies) {
			if (policy.name().equals(name)) {
				return policy;
			}
		}
		return null;
	}

	/**
	 * Tells whether any policy is keyed by user, so the MVC interceptor has work to do.
	 * @return whether a user-keyed policy exists
	 */
	public boolean hasUserPolicies() {
		return this.policies.stream().anyMatch((policy) -> policy.keyResolver().needsUser());
	}

	/**
	 * Returns the longest window of any policy: a bucket idle for that long is full again.
	 * @return the longest window, at least one second
	 */
	public Duration longestWindow() {
		long seconds = 1;
		for (RateLimitPolicy policy : this.policies) {
			for (Quota quota : policy.quotas()) {
				seconds = Math.max(seconds, quota.windowSeconds());
			}
		}
		return Duration.ofSeconds(seconds);
	}

	/**
	 * Describes the policies for the report.
	 * @return one map per policy
	 */
	public List<Map<String, Object>> describePolicies() {
		return this.policies.stream().map(RateLimitRules::describe).toList();
	}

	private static Map<String, Object> describe(RateLimitPolicy policy) {
		return Map.of("name", policy.name(), "paths", policy.paths().stream().map(PathPattern::getPatternString).toList(),
				"methods", List.copyOf(policy.methods()), "cost", policy.cost(), "limits",
				policy.quotas().stream().map((q) -> q.capacity() + "/" + q.windowSeconds() + "s").toList());
	}

}
