package io.github.hardening.headers;

/**
 * A named set of header defaults chosen per path.
 */
public enum HeaderPreset {

	/** For JSON APIs: nothing may be framed, loaded or cached; {@code default-src 'none'}. */
	API,

	/** For HTML pages: a helmet-style policy with a per-request script nonce; same-origin framing. */
	WEB

}
