package io.github.hardening.resilience;

import java.time.Duration;

/**
 * The client's circuit breaker is open: the call failed at once without reaching the downstream.
 */
public class CircuitOpenException extends DownstreamUnavailableException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param client name of the client
	 * @param remainingOpen time until the breaker lets probe calls through
	 * @param attempts attempts made in this call before the breaker refused
	 */
	public CircuitOpenException(String client, Duration remainingOpen, int attempts) {
		super(client, "Circuit breaker of '" + client + "' is open", remainingOpen, attempts, null);
	}

	/**
	 * Returns the time until the breaker lets probe calls through.
	 * @return the remaining open time
	 */
	public Duration getRemainingOpen() {
		return getRetryAfter();
	}

}
