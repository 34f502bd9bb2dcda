package io.github.hardening.sanitize;

/**
 * What the suspicious-input detector does with a match.
 */
public enum DetectorMode {

	/** Counts it and logs one line per request with the request id; the request is not changed. */
	REPORT,

	/** Refuses the request with 403 {@code suspicious-input}. */
	BLOCK,

	/** Does not look. */
	OFF

}
