package io.github.hardening.ratelimit;

import java.net.URI;

import io.github.hardening.core.ProblemType;

/**
 * The problem types of rate limiting, each documented in {@code docs/problems.md}.
 */
public final class RateLimitProblems {

	/** A policy's quota is used up; the type the IETF RateLimit header draft registers, with violated-policies. */
	public static final ProblemType QUOTA_EXCEEDED = new ProblemType(
			URI.create("https://iana.org/assignments/http-problem-types#quota-exceeded"), "Request quota exceeded", 429);

	/** The client address is on the deny list. */
	public static final ProblemType DENIED = ProblemType.of("rate-limit-denied", "Client refused", 403);

	/** The client was rejected too often within the ban window and is banned for a while. */
	public static final ProblemType BANNED = ProblemType.of("rate-limit-banned", "Client temporarily banned", 403);

	/** A policy keyed by a header met a request without it, and the policy refuses such requests. */
	public static final ProblemType KEY_MISSING = ProblemType.of("rate-limit-key-missing",
			"Rate-limit key missing", 400);

	/** The rate-limit store failed and the limiter fails closed. */
	public static final ProblemType STORE_UNAVAILABLE = ProblemType.of("rate-limit-unavailable",
			"Rate limiting unavailable", 503);

	private RateLimitProblems() {
	}

}
