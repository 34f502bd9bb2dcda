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
 * @param error why the run broke off before its rules ran (the lock could not be reached, an unexpected
 * error), or {@code null}
 */
public record CleanupRun(Outcome outcome, String trigger, Instant startedAt, Duration duration,
		List<CleanupReport> rules, String error) {

	/**
	 * Files or folders the rules could not read or delete in this run.
	 * @return the sum of every rule's failures
	 */
	public long failures() {
		return this.rules.stream().mapToLong(CleanupReport::failures).sum();
	}

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
