package io.github.hardening.signedurl;

import java.util.Locale;

/**
 * Why a signed URL was accepted or refused; the metric tag and the log say it, the client never learns it.
 */
public enum SignedUrlOutcome {

	/** The signature is valid, the link has not expired and its bindings match. */
	VALID,

	/** The link's expiry (plus the allowed clock skew) has passed. */
	EXPIRED,

	/** The signature does not match the request: forged, tampered with, or signed for something else. */
	BAD_SIGNATURE,

	/** The key id names no configured key, for instance a key removed after rotation. */
	UNKNOWN_KEY,

	/** A signature parameter is missing, repeated or unparsable, or the path is not canonical. */
	MALFORMED,

	/** The link is bound to a client address or user that the request does not come from. */
	BINDING_MISMATCH,

	/** A single-use link that was already used once. */
	ALREADY_USED,

	/** The single-use store failed and {@code failure-mode} is closed: refused with 503, the client may retry. */
	STORE_ERROR,

	/** The single-use store failed and {@code failure-mode} is open: admitted without being recorded. */
	UNRECORDED;

	/**
	 * Tells whether the request may proceed with this outcome.
	 * @return whether it is admitted
	 */
	public boolean admits() {
		return this == VALID || this == UNRECORDED;
	}

	/**
	 * Returns the tag value of this outcome, e.g. {@code bad-signature}.
	 * @return the kebab-case name
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
