package io.github.hardening.cors;

import java.util.Locale;

/**
 * What a rejected cross-origin request was refused for; also the {@code reason} tag of the
 * {@code hardening.cors.rejected} metric.
 */
public enum CorsRejection {

	/** The origin is not allowed. */
	ORIGIN,

	/** The method (or the preflight's requested method) is not allowed. */
	METHOD,

	/** A header the preflight asked for is not allowed. */
	HEADERS;

	/**
	 * Returns the metric tag value.
	 * @return {@code origin}, {@code method} or {@code headers}
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
