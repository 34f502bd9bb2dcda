package io.github.hardening.headers;

/**
 * Values of the {@code X-Frame-Options} header.
 */
public enum FrameOptions {

	/** No framing at all. */
	DENY,

	/** Framing by pages of the same origin only. */
	SAMEORIGIN,

	/** Header not sent (rely on CSP {@code frame-ancestors}). */
	DISABLED

}
