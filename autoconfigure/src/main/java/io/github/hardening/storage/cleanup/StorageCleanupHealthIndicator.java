package io.github.hardening.storage.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code storageCleanup} health component: {@code DEGRADED} when the last run failed (broke off, or the
 * lock could not be reached), when it could not delete or read some files, or when no run has completed for two
 * schedule intervals; else {@code UP}. {@code DEGRADED} answers 200 and the component is not in the readiness
 * group: a failing cleanup calls for an alert, not for taking the instance out of traffic.
 */
public class StorageCleanupHealthIndicator extends AbstractHealthIndicator {

	/** The status of a cleanup that fails or is late, the same code as the resource monitor's. */
	public static final Status DEGRADED = new Status("DEGRADED", "The storage cleanup fails or is late");

	private static final int MAX_ERRORS = 5;

	private final StorageCleaner cleaner;

	private final DoubleSupplier intervalSeconds;

	private final Clock clock;

	private final Instant firstRunDue;

	/**
	 * Creates the indicator.
	 * @param cleaner the cleaner whose last runs are reported
	 * @param intervalSeconds seconds between two scheduled runs (NaN when unknown: no lateness check)
	 * @param clock tells the time
	 * @param initialDelay delay between now (startup) and the first scheduled run
	 */
	public StorageCleanupHealthIndicator(StorageCleaner cleaner, DoubleSupplier intervalSeconds, Clock clock,
			Duration initialDelay) {
		super("Storage cleanup health check failed");
		this.cleaner = cleaner;
		this.intervalSeconds = intervalSeconds;
		this.clock = clock;
		this.firstRunDue = clock.instant().plus(initialDelay);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> problems = new ArrayList<>();
		CleanupRun last = this.cleaner.lastRun();
		if (last != null) {
			builder.withDetail("lastOutcome", last.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.withDetail("lastStartedAt", last.startedAt().toString())
				.withDetail("lastFailures", last.failures());
			if (last.error() != null) {
				problems.add("the last run failed: " + last.error());
			}
			if (last.failures() > 0) {
				List<String> errors = last.rules().stream().flatMap((r) -> r.errors().stream().map((e) -> r.rule() + ": " + e))
					.limit(MAX_ERRORS).toList();
				problems.add("the last run could not handle " + last.failures() + " files or folders");
				builder.withDetail("lastErrors", errors);
			}
		}
		Instant covered = this.cleaner.lastCovered();
		if (covered != null) {
			builder.withDetail("lastCompletedAt", covered.toString());
		}
		double seconds = this.intervalSeconds.getAsDouble();
		if (!Double.isNaN(seconds)) {
			Duration allowed = Duration.ofMillis((long) (seconds * 2000));
			Instant since = (covered != null) ? covered : this.firstRunDue;
			if (this.clock.instant().isAfter(since.plus(allowed))) {
				problems.add("no run has completed for two intervals (" + allowed + ") since " + since);
			}
		}
		builder.status(problems.isEmpty() ? Status.UP : DEGRADED);
		if (!problems.isEmpty()) {
			builder.withDetail("problems", problems);
		}
	}

}
