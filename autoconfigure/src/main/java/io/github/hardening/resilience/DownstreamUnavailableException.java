package io.github.hardening.resilience;

import java.time.Duration;

/**
 * A call through the resilience pipeline that could not get a usable answer: attempts or budget exhausted,
 * timed out, refused by the bulkhead, or (as {@link CircuitOpenException}) short-circuited. The starter maps it
 * to a 503 problem response with {@code Retry-After}.
 */
public class DownstreamUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String client;

	private final transient Duration retryAfter;

	private final int attempts;

	/**
	 * Creates the exception.
	 * @param client name of the client
	 * @param message what happened, without secrets
	 * @param retryAfter when a caller may try again
	 * @param attempts attempts made
	 * @param cause last failure, or {@code null}
	 */
	public DownstreamUnavailableException(String client, String message, Duration retryAfter, int attempts,
			Throwable cause) {
		super(message, cause);
		this.client = client;
		this.retryAfter = retryAfter;
		this.attempts = attempts;
	}

	/**
	 * Returns the name of the client whose call failed.
	 * @return the client name
	 */
	public String getClient() {
		return this.client;
	}

	/**
	 * Returns how long a caller should wait before trying again.
	 * @return the delay, at least one second
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns how many attempts went to the downstream.
	 * @return the attempts, 0 when none was made
	 */
	public int getAttempts() {
		return this.attempts;
	}

}
