package io.github.hardening.ratelimit;

/**
 * The store could not decide: Redis down, slow or refusing, or its breaker is open.
 */
public class RateLimitStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the underlying failure, may be {@code null}
	 */
	public RateLimitStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
