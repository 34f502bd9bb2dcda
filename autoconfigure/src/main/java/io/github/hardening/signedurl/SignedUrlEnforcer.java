package io.github.hardening.signedurl;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;

/**
 * Verifies a request's signature, consumes single-use links, counts the outcome and answers every refusal
 * with the same 403 problem, so a client cannot tell an expired link from a forged one. The one exception is
 * a valid single-use link whose use the store cannot record in closed failure mode: 503 with
 * {@code Retry-After}, so the holder of a good link retries instead of asking for a new one. Only a link that
 * passed every check gets it, so it tells nothing to someone without a genuine link.
 */
public class SignedUrlEnforcer {

	/** The problem type of every refused link. */
	public static final ProblemType INVALID_LINK = ProblemType.of("signed-url-invalid", "Link not valid", 403);

	/** The problem type of a valid single-use link whose use cannot be recorded now (failure-mode closed). */
	public static final ProblemType STORE_UNAVAILABLE = ProblemType.of("signed-url-store-unavailable",
			"Link cannot be checked now", 503);

	/** Request attribute set once a request has been verified, so the filter and the interceptor check once. */
	public static final String VERIFIED_ATTRIBUTE = SignedUrlEnforcer.class.getName() + ".VERIFIED";

	private static final Log logger = LogFactory.getLog(SignedUrlEnforcer.class);

	private static final String DETAIL = "This link is not valid or has expired. Ask for a new link.";

	private static final String UNAVAILABLE_DETAIL = "This link cannot be checked right now. Try it again later.";

	private final UrlSigner signer;

	private final SingleUseGuard singleUse;

	private final ClientAddressResolver clientAddresses;

	private final SignedUrlCounters counters;

	private final ProblemResponseWriter problems;

	SignedUrlEnforcer(UrlSigner signer, SingleUseGuard singleUse, ClientAddressResolver clientAddresses,
			SignedUrlCounters counters, ProblemResponseWriter problems) {
		this.signer = signer;
		this.singleUse = singleUse;
		this.clientAddresses = clientAddresses;
		this.counters = counters;
		this.problems = problems;
	}

	/**
	 * Checks a request, answering it with a 403 problem when its link is not valid, or a 503 one when a
	 * single-use link's use cannot be recorded and the failure mode is closed.
	 * @param request the request
	 * @param response the response
	 * @return whether the request may proceed
	 * @throws IOException when writing the problem fails
	 */
	public boolean enforce(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getAttribute(VERIFIED_ATTRIBUTE) != null) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		VerificationResult result = this.signer.verify(request.getMethod(), path, request.getQueryString(),
				this.clientAddresses.resolve(request).ip(), request.getRemoteUser());
		SignedUrlOutcome outcome = result.outcome();
		if (result.isValid()) {
			outcome = this.singleUse.consume(result, path, this.signer.now().getEpochSecond());
		}
		this.counters.increment(outcome);
		if (outcome.admits()) {
			request.setAttribute(VERIFIED_ATTRIBUTE, Boolean.TRUE);
			return true;
		}
		if (outcome == SignedUrlOutcome.STORE_ERROR) {
			// Logged once per incident by the failure policy, not per request.
			response.setHeader("Retry-After", Long.toString(this.singleUse.retryAfterSeconds()));
			this.problems.write(request, response, STORE_UNAVAILABLE, UNAVAILABLE_DETAIL);
			return false;
		}
		if (logger.isInfoEnabled()) {
			logger.info("Refused signed URL " + request.getMethod() + " " + path + ": " + outcome.tag());
		}
		this.problems.write(request, response, INVALID_LINK, DETAIL);
		return false;
	}

}
