package io.github.hardening.core;

import org.springframework.core.Ordered;

/**
 * The order of every servlet filter this starter registers, in one place. Lower runs first (outermost).
 * Spring Boot's own filters for reference: character encoding at {@code HIGHEST_PRECEDENCE}, HTTP
 * observations at {@code HIGHEST_PRECEDENCE + 1}, request context at {@code -105}, Spring Security at
 * {@code -100}.
 */
public final class HardeningFilterOrder {

	/** Assigns the request id first, so that everything after it, including errors, can carry it. */
	public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 2;

	/** Resolves the client address through trusted proxies before anything looks at IP or scheme. */
	public static final int CLIENT_ADDRESS = Ordered.HIGHEST_PRECEDENCE + 3;

	/** Request fields in the MDC and the access log, right after the id and address, so it sees every request. */
	public static final int REQUEST_LOGGING = Ordered.HIGHEST_PRECEDENCE + 4;

	/** Security headers wrap the response early, so every later response (redirects, rejections) carries them. */
	public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 10;

	/** Receives CSP violation reports, after the headers so that its own answers carry them too. */
	public static final int CSP_REPORTS = Ordered.HIGHEST_PRECEDENCE + 11;

	/** Redirects plain HTTP to HTTPS before any work is done on an insecure request. */
	public static final int HTTPS_REDIRECT = Ordered.HIGHEST_PRECEDENCE + 20;

	/** Answers CORS preflights before authentication, which browsers never send with a preflight. */
	public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 30;

	/** Sheds requests over the concurrency limit before rate limiting and the application spend work on them. */
	public static final int LOAD_SHEDDING = Ordered.HIGHEST_PRECEDENCE + 35;

	/** Rate limits after CORS (preflights are answered first) and after load shedding, before security. */
	public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;

	/** Verifies signed URLs after rate limiting (a flood of forged links is throttled first), before body limits. */
	public static final int SIGNED_URL = Ordered.HIGHEST_PRECEDENCE + 45;

	/** Limits the request body size after the request id, client address, headers, HTTPS and CORS filters. */
	public static final int REQUEST_LIMITS = Ordered.HIGHEST_PRECEDENCE + 50;

	/**
	 * Checks the percent-encoding of parameters and path right after the body limit, which then bounds the form
	 * body it reads, and before Spring Security or the application ask for a parameter.
	 */
	public static final int PARAMETER_ENCODING = Ordered.HIGHEST_PRECEDENCE + 51;

	private HardeningFilterOrder() {
	}

}
