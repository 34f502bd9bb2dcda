package io.github.hardening.core;

import java.util.Map;

/**
 * The outcome of one {@link ReadinessCheck}.
 *
 * @param ready whether the instance may receive traffic as far as this dependency is concerned
 * @param details what was checked and, when not ready, why; shown only to authorised callers
 */
public record ReadinessResult(boolean ready, Map<String, Object> details) {

	/**
	 * Creates a ready result.
	 * @param details what was checked
	 * @return the result
	 */
	public static ReadinessResult ready(Map<String, Object> details) {
		return new ReadinessResult(true, Map.copyOf(details));
	}

	/**
	 * Creates a not-ready result.
	 * @param reason why, one line
	 * @return the result
	 */
	public static ReadinessResult notReady(String reason) {
		return new ReadinessResult(false, Map.of("reason", reason));
	}

}
