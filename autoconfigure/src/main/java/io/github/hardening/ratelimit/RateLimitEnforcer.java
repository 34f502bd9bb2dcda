package io.github.hardening.ratelimit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.hardening.core.ProblemResponseWriter;

/**
 * Checks a request against the policies that apply to it, writes the RateLimit headers, and answers 429 (or
 * 400, 503) itself when the request must not go on. Shared by the early filter and the MVC interceptor.
 */
public class RateLimitEnforcer {

	/** Response header set when the store failed and the request passed unlimited (failure-mode open). */
	public static final String DEGRADED_HEADER = "X-RateLimit-Degraded";

	private final RateLimitStore store;

	private final RateLimitHeaders headers;

	private final ProblemResponseWriter problems;

	private final RateLimitCounters counters;

	private final StoreFailurePolicy failurePolicy;

	RateLimitEnforcer(RateLimitStore store, RateLimitHeaders headers, ProblemResponseWriter problems,
			RateLimitCounters counters, StoreFailurePolicy failurePolicy) {
		this.store = store;
		this.headers = headers;
		this.problems = problems;
		this.counters = counters;
		this.failurePolicy = failurePolicy;
	}

	/**
	 * Checks a request against policies; every policy takes its tokens, and any rejection rejects.
	 * @param request the request
	 * @param response the response, answered here when the request must not go on
	 * @param policies the policies that apply, not empty
	 * @return whether the request may go on
	 * @throws IOException when writing a problem response fails
	 */
	public boolean enforce(HttpServletRequest request, HttpServletResponse response, List<RateLimitPolicy> policies)
			throws IOException {
		List<RateLimitDecision> decisions = new ArrayList<>(policies.size());
		RateLimitDecision tightest = null;
		List<String> violated = null;
		for (RateLimitPolicy policy : policies) {
			String key = policy.bucketKey(request);
			if (key == null) {
				this.counters.increment(policy.name(), "rejected");
				this.problems.write(request, response, RateLimitProblems.KEY_MISSING,
						missingKeyDetail(policy));
				return false;
			}
			RateLimitDecision decision;
			try {
				decision = this.store.tryConsume(policy, key);
				this.failurePolicy.succeeded();
			}
			catch (RateLimitStoreException ex) {
				this.counters.increment(policy.name(), "store_error");
				this.failurePolicy.failed(ex);
				if (this.failurePolicy.failClosed()) {
					response.setHeader("Retry-After", Long.toString(this.failurePolicy.retryAfterSeconds()));
					this.problems.write(request, response, RateLimitProblems.STORE_UNAVAILABLE,
							"Rate limiting is temporarily unavailable; retry later.");
					return false;
				}
				response.setHeader(DEGRADED_HEADER, "store-unavailable");
				continue;
			}
			decisions.add(decision);
			this.counters.increment(policy.name(), decision.allowed() ? "allowed" : "rejected");
			if (!decision.allowed()) {
				if (violated == null) {
					violated = new ArrayList<>(2);
					tightest = null;
				}
				violated.add(policy.name());
				if (tightest == null || decision.retryAfterNanos() > tightest.retryAfterNanos()) {
					tightest = decision;
				}
			}
			else if (violated == null && (tightest == null || tighter(decision, tightest))) {
				tightest = decision;
			}
		}
		if (tightest == null) {
			return true;
		}
		this.headers.write(response, decisions, tightest);
		if (violated == null) {
			return true;
		}
		response.setHeader("Retry-After", Long.toString(tightest.retryAfterSeconds()));
		this.problems.write(request, response, RateLimitProblems.QUOTA_EXCEEDED,
				"Too many requests; retry after " + tightest.retryAfterSeconds() + " seconds.",
				Map.of("violated-policies", violated));
		return false;
	}

	private static String missingKeyDetail(RateLimitPolicy policy) {
		if (policy.keyResolver() instanceof KeyResolvers.HeaderKeyResolver header) {
			return "This endpoint needs the " + header.header() + " header.";
		}
		return "The request lacks what rate-limit policy " + policy.name() + " is keyed by.";
	}

	private static boolean tighter(RateLimitDecision candidate, RateLimitDecision current) {
		return candidate.remaining() < current.remaining()
				|| (candidate.remaining() == current.remaining() && candidate.resetNanos() > current.resetNanos());
	}

}
