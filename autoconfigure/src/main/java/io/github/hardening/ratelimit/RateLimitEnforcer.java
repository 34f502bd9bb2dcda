package io.github.hardening.ratelimit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks a request against the policies that apply to it, writes the RateLimit headers, and answers 429 (or
 * 403, 400, 503) itself when the request must not go on. Shared by the early filter and the MVC interceptor.
 */
public class RateLimitEnforcer {

	/** Response header set when the store failed and the request passed unlimited (failure-mode open). */
	public static final String DEGRADED_HEADER = "X-RateLimit-Degraded";

	private static final Log logger = LogFactory.getLog(RateLimitEnforcer.class);

	private final RateLimitStore store;

	private final PenaltyBox penaltyBox;

	private final RateLimitResponses responses;

	private final RateLimitCounters counters;

	private final StoreFailurePolicy failurePolicy;

	RateLimitEnforcer(RateLimitStore store, PenaltyBox penaltyBox, RateLimitResponses responses,
			RateLimitCounters counters, StoreFailurePolicy failurePolicy) {
		this.store = store;
		this.penaltyBox = penaltyBox;
		this.responses = responses;
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
		// One policy is the common case: its decision alone, no list.
		RateLimitDecision first = null;
		List<RateLimitDecision> decisions = null;
		RateLimitDecision tightest = null;
		List<String> violated = null;
		for (RateLimitPolicy policy : policies) {
			String key = policy.keyResolver().resolve(request);
			if (key == null) {
				this.counters.increment(policy.name(), "rejected");
				this.responses.keyMissing(request, response, policy);
				return false;
			}
			RateLimitDecision decision;
			try {
				long banned = this.penaltyBox.bannedNanos(key);
				if (banned > 0) {
					this.counters.increment(policy.name(), "banned");
					this.responses.banned(request, response, RateLimitDecision.ceilSeconds(banned));
					return false;
				}
				decision = this.store.tryConsume(policy, key);
				// A global bucket is everybody's: banning its key would ban every client.
				if (!decision.allowed() && !"global".equals(key) && this.penaltyBox.recordRejection(key)) {
					logger.info("Rate limit: key of policy " + policy.name() + " banned after repeated rejections");
				}
				this.failurePolicy.succeeded();
			}
			catch (RateLimitStoreException ex) {
				this.counters.increment(policy.name(), "store_error");
				this.failurePolicy.failed(ex);
				if (this.failurePolicy.failClosed()) {
					this.responses.storeUnavailable(request, response, this.failurePolicy.retryAfterSeconds());
					return false;
				}
				response.setHeader(DEGRADED_HEADER, "store-unavailable");
				continue;
			}
			if (first == null) {
				first = decision;
			}
			else {
				if (decisions == null) {
					decisions = new ArrayList<>(policies.size());
					decisions.add(first);
				}
				decisions.add(decision);
			}
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
		String policyField = (decisions != null) ? RateLimitHeaders.policyField(decisions)
				: first.policy().policyField();
		this.responses.headers().write(response, policyField, tightest);
		if (violated == null) {
			return true;
		}
		this.responses.quotaExceeded(request, response, tightest, violated);
		return false;
	}

	private static boolean tighter(RateLimitDecision candidate, RateLimitDecision current) {
		return candidate.remaining() < current.remaining()
				|| (candidate.remaining() == current.remaining() && candidate.resetNanos() > current.resetNanos());
	}

	/**
	 * Writes the responses of the enforcer: headers and problems.
	 *
	 * @param headers the RateLimit header writer
	 * @param problems the problem writer
	 */
	record RateLimitResponses(RateLimitHeaders headers, io.github.hardening.core.ProblemResponseWriter problems) {

		void keyMissing(HttpServletRequest request, HttpServletResponse response, RateLimitPolicy policy)
				throws IOException {
			String detail = (policy.keyResolver() instanceof KeyResolvers.HeaderKeyResolver header)
					? "This endpoint needs the " + header.header() + " header."
					: "The request lacks what rate-limit policy " + policy.name() + " is keyed by.";
			this.problems.write(request, response, RateLimitProblems.KEY_MISSING, detail);
		}

		void banned(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
			response.setHeader("Retry-After", Long.toString(Math.max(1, seconds)));
			this.problems.write(request, response, RateLimitProblems.BANNED,
					"Too many rejected requests; this client is banned for " + Math.max(1, seconds) + " seconds.");
		}

		void storeUnavailable(HttpServletRequest request, HttpServletResponse response, long seconds)
				throws IOException {
			response.setHeader("Retry-After", Long.toString(seconds));
			this.problems.write(request, response, RateLimitProblems.STORE_UNAVAILABLE,
					"Rate limiting is temporarily unavailable; retry later.");
		}

		void quotaExceeded(HttpServletRequest request, HttpServletResponse response, RateLimitDecision tightest,
				List<String> violated) throws IOException {
			response.setHeader("Retry-After", Long.toString(tightest.retryAfterSeconds()));
			this.problems.write(request, response, RateLimitProblems.QUOTA_EXCEEDED,
					"Too many requests; retry after " + tightest.retryAfterSeconds() + " seconds.",
					Map.of("violated-policies", violated));
		}

	}

}
