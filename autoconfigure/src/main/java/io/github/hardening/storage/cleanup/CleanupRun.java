package io.github.hardening.storage.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run over every rule, as the actuator and the report show it.
 *
 * @param outcome how it ended
 * @param trigger what started it: {@code schedule}, {@code pressure} or {@code manual}
 * @param startedAt when it started
 * @param duration how long it took
 * @param rules the report of each rule that ran
 */
public record CleanupRun(Outcome outcome, String trigger, Instant startedAt, Duration duration,
		List<CleanupReport> rules) {

	/**
	 * How a run ended.
	 */
	public enum Outcome {

		/** Every rule ran to its end without failures. */
		COMPLETED,

		/** The maximum run time was reached. */
		CUT_SHORT,

		/** Some files could not be read or deleted, or the run broke off. */
		FAILED,

		/** Another instance (or run) held the lock. */
		SKIPPED_LOCKED

	}

}
