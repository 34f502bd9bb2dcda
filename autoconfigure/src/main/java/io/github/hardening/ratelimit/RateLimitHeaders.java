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

	void write(HttpServletResponse response, String policyField, RateLimitDecision tightest) {
		if (this.enabled) {
			response.setHeader(POLICY, policyField);
			response.setHeader(RATE_LIMIT, rateLimitField(tightest));
		}
		if (this.legacy) {
			response.setHeader("X-RateLimit-Limit", Long.toString(tightest.quota().capacity()));
			response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, tightest.remaining())));
			response.setHeader("X-RateLimit-Reset", Long.toString(tightest.resetSeconds()));
		}
	}

	/**
	 * Formats {@code "name";q=100;w=60, ...}: one item per bandwidth of every policy that applied. A policy's
	 * items are formatted once, at startup ({@link RateLimitPolicy#policyField()}).
	 */
	static String policyField(List<RateLimitDecision> decisions) {
		if (decisions.size() == 1) {
			return decisions.get(0).policy().policyField();
		}
		StringBuilder field = new StringBuilder(64 * decisions.size());
		for (RateLimitDecision decision : decisions) {
			if (field.length() > 0) {
				field.append(", ");
			}
			field.append(decision.policy().policyField());
		}
		return field.toString();
	}

	/**
	 * Formats one policy's items, {@code "name";q=100;w=60, ...}, one per bandwidth. Names are validated at
	 * startup to need no escaping inside an sf-string.
	 */
	static String policyItems(List<Quota> quotas) {
		StringBuilder field = new StringBuilder(48);
		for (Quota quota : quotas) {
			if (field.length() > 0) {
				field.append(", ");
			}
			field.append('"').append(quota.name()).append("\";q=").append(quota.capacity()).append(";w=")
				.append(quota.windowSeconds());
		}
		return field.toString();
	}

	/**
	 * Formats {@code "name";r=5;t=30} for the most restrictive bandwidth. Java's string concatenation sizes the
	 * result exactly and fills it once: 80 B per field against 160 B for a pre-sized {@code StringBuilder},
	 * whose {@code toString()} copies its buffer.
	 */
	static String rateLimitField(RateLimitDecision tightest) {
		return '"' + tightest.quota().name() + "\";r=" + Math.max(0, tightest.remaining()) + ";t="
				+ tightest.resetSeconds();
	}

}
