package io.github.hardening.sanitize;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows past {@code hardening.limits.max-body-size} (or, for a
 * form body the starter parses, {@code server.tomcat.max-http-form-post-size}); answered with a 413
 * {@code body-too-large} problem naming the limit.
 */
public class BodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long maxBytes;

	private final String limit;

	/**
	 * Creates the exception for {@code max-body-size}.
	 * @param maxBytes the limit that was exceeded
	 */
	public BodyTooLargeException(long maxBytes) {
		this(maxBytes, "max-body-size");
	}

	/**
	 * Creates the exception.
	 * @param maxBytes the limit that was exceeded
	 * @param limit the name of the limit, shown as the problem's {@code limit}
	 */
	public BodyTooLargeException(long maxBytes, String limit) {
		super("Request body larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
		this.limit = limit;
	}

	/**
	 * Returns the name of the limit.
	 * @return e.g. {@code max-body-size}
	 */
	public String getLimit() {
		return this.limit;
	}

	/**
	 * Returns the limit.
	 * @return the largest body accepted, in bytes
	 */
	public long getMaxBytes() {
		return this.maxBytes;
	}

}
