package io.github.hardening.signedurl;

import java.time.Duration;

/**
 * Lifetimes and parameter names of signed URLs.
 *
 * @param parameters names of the query parameters
 * @param defaultTtl lifetime of a link when the caller gives none
 * @param maxTtl longest lifetime a link may have; longer requests are refused
 * @param clockSkew how long after its expiry a link is still accepted, for clocks that disagree
 */
public record SignedUrlPolicy(SignedUrlParameters parameters, Duration defaultTtl, Duration maxTtl,
		Duration clockSkew) {

	/** One hour links, at most seven days, thirty seconds of skew, the default parameter names. */
	public static final SignedUrlPolicy DEFAULTS = new SignedUrlPolicy(SignedUrlParameters.DEFAULTS,
			Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(30));

}
