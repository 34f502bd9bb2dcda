package io.github.hardening.core;

import java.net.URI;

/**
 * One kind of error, identified by a stable RFC 9457 {@code type} URI.
 *
 * @param type the stable URI clients may switch on
 * @param title short, human-readable summary that does not change between occurrences
 * @param status HTTP status code sent with it
 */
public record ProblemType(URI type, String title, int status) {

	/** Base of the type URIs of this starter's own problems; each is documented in {@code docs/problems.md}. */
	public static final String BASE_URI = "https://hardening.github.io/problems/";

	/**
	 * Creates one of this starter's problem types, {@code BASE_URI + slug}.
	 * @param slug last path segment, e.g. {@code cors-rejected}
	 * @param title summary
	 * @param status HTTP status
	 * @return the type
	 */
	public static ProblemType of(String slug, String title, int status) {
		return new ProblemType(URI.create(BASE_URI + slug), title, status);
	}

}
