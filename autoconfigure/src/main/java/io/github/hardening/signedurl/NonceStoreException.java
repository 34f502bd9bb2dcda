package io.github.hardening.signedurl;

import java.util.Locale;

/**
 * A single-use store that could not record a use: it did not answer in time, failed, or is being bypassed
 * after repeated failures.
 */
public class NonceStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Failure failure;

	/**
	 * Creates the exception.
	 * @param failure what went wrong
	 * @param message one line for the log
	 * @param cause the underlying error, may be {@code null}
	 */
	public NonceStoreException(Failure failure, String message, Throwable cause) {
		super(message, cause);
		this.failure = failure;
	}

	/**
	 * Returns what went wrong.
	 * @return the kind of failure
	 */
	public Failure failure() {
		return this.failure;
	}

	/**
	 * Kinds of store failure, the {@code cause} tag of {@code hardening.signed-url.store.failures}.
	 */
	public enum Failure {

		/** The store did not answer within the command timeout. */
		TIMEOUT,

		/** The store answered with an error or refused the connection. */
		ERROR,

		/** The store was not asked: its breaker is open after repeated failures. */
		BYPASSED;

		/**
		 * Classifies an error of a store call: a timeout anywhere in its causes (the client's own command or
		 * handshake timeout included) is {@link #TIMEOUT}, anything else {@link #ERROR}.
		 * @param error what the call failed with
		 * @return the kind of failure
		 */
		public static Failure of(Throwable error) {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				if (cause instanceof java.util.concurrent.TimeoutException
						|| cause.getClass().getSimpleName().contains("Timeout")) {
					return TIMEOUT;
				}
			}
			return ERROR;
		}

		/**
		 * Returns the tag value.
		 * @return the lower-case name
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
