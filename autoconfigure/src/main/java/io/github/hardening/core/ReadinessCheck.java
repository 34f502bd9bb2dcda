package io.github.hardening.core;

/**
 * A dependency without which this instance should not receive traffic (Redis of a fail-closed rate limiter, a
 * critical downstream's circuit breaker, a storage folder). Features register checks as beans; the health
 * feature runs them, each with a short timeout, as one readiness component, so that a hung dependency cannot
 * hang the probe. Liveness never runs them.
 */
@FunctionalInterface
public interface ReadinessCheck {

	/**
	 * Checks the dependency. May block up to the time it needs; the caller bounds it with a timeout and treats
	 * an exception as not ready.
	 * @return the result
	 * @throws Exception when the dependency cannot be checked, which counts as not ready
	 */
	ReadinessResult check() throws Exception;

	/**
	 * Returns the name under which the result is shown, kebab-case, e.g. {@code rate-limit-redis}.
	 * @return the name; by default derived from the class name
	 */
	default String name() {
		return getClass().getSimpleName();
	}

}
