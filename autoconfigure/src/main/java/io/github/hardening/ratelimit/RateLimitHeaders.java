package io.github.hardening.ratelimit;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes draft-ietf-httpapi-ratelimit-headers fields as Structured Field lists, and optionally the legacy
 * X-RateLimit-* headers.
 */
final class RateLimitHeaders {

	static final String POLICY = "RateLimit-Policy";

	static final String RATE_LIMIT = "RateLimit";

	private final boolean enabled;

	private final boolean legacy;

	RateLimitHeaders(boolean enabled, boolean legacy) {
		this.enabled = enabled;
		this.legacy = legacy;
	}

	void write(HttpServletResponse response, List<RateLimitDecision> decisions, RateLimitDecision tightest) {
		if (this.enabled) {
			response.setHeader(POLICY, policyField(decisions));
			response.setHeader(RATE_LIMIT, rateLimitField(tightest));
		}
		if (this.legacy) {
			response.setHeader("X-RateLimit-Limit", Long.toString(tightest.quota().capacity()));
			response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, tightest.remaining())));
			response.setHeader("X-RateLimit-Reset", Long.toString(tightest.resetSeconds()));
		}
	}

	/**
	 * Formats {@code "name";q=100;w=60, ...}: one item per bandwidth of every policy that applied. Names are
	 * validated at startup to need no escaping inside an sf-string.
	 */
	static String policyField(List<RateLimitDecision> decisions) {
		StringBuilder field = new StringBuilder(48);
		for (RateLimitDecision decision : decisions) {
			for (Quota quota : decision.policy().quotas()) {
				if (field.length() > 0) {
					field.append(", ");
				}
				field.append('"').append(quota.name()).append("\";q=").append(quota.capacity()).append(";w=")
					.append(quota.windowSeconds());
			}
		}
		return field.toString();
	}

	/** Formats {@code "name";r=5;t=30} for the most restrictive bandwidth. */
	static String rateLimitField(RateLimitDecision tightest) {
		return '"' + tightest.quota().name() + "\";r=" + Math.max(0, tightest.remaining()) + ";t="
				+ tightest.resetSeconds();
	}

}
