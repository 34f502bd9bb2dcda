package io.github.hardening.sanitize;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows past {@code hardening.limits.max-body-size}; answered
 * with a 413 {@code body-too-large} problem.
 */
public class BodyTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long maxBytes;

	/**
	 * Creates the exception.
	 * @param maxBytes the limit that was exceeded
	 */
	public BodyTooLargeException(long maxBytes) {
		super("Request body larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	/**
	 * Returns the limit.
	 * @return the largest body accepted, in bytes
	 */
	public long getMaxBytes() {
		return this.maxBytes;
	}

}
