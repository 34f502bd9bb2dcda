package io.github.hardening.storage.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs every rule once under the cluster lock: one run at a time across every instance that shares the lock.
 * A rule whose file store is below its free-space threshold gets a pressure run, logged and counted as an
 * incident.
 */
public class StorageCleaner {

	private static final Log logger = LogFactory.getLog(StorageCleaner.class);

	/** Margin over the maximum run time: the walker stops at it but finishes the file it is on. */
	private static final Duration LOCK_MARGIN = Duration.ofSeconds(30);

	private final List<CleanupRule> rules;

	private final CleanupWalker walker;

	private final LockProvider locks;

	private final CleanupSettings settings;

	private final CleanupMetrics metrics;

	private final Map<String, CleanupReport> lastReports = new ConcurrentHashMap<>();

	private volatile CleanupRun lastRun;

	/** End of the last run that completed, or of the last tick skipped because another run held the lock. */
	private volatile Instant lastCovered;

	/**
	 * Settings of a cleaner.
	 *
	 * @param lockName name of the cluster lock
	 * @param maxRunTime longest a run may take
	 * @param lockAtLeastFor shortest a scheduled run holds the lock
	 * @param dryRun whether runs delete nothing unless asked otherwise
	 * @param clock tells the time
	 */
	public record CleanupSettings(String lockName, Duration maxRunTime, Duration lockAtLeastFor, boolean dryRun,
			Clock clock) {
	}

	StorageCleaner(List<CleanupRule> rules, CleanupWalker walker, LockProvider locks, CleanupSettings settings,
			CleanupMetrics metrics) {
		this.rules = rules;
		this.walker = walker;
		this.locks = locks;
		this.settings = settings;
		this.metrics = metrics;
	}

	/**
	 * Runs on schedule: every rule, each as a pressure run when its store is short of space.
	 * @return the run
	 */
	public CleanupRun scheduled() {
		return run("schedule", this.settings.dryRun(), false, this.settings.lockAtLeastFor());
	}

	/**
	 * Runs the rules whose store is below its free-space threshold, at once (on a pressure event).
	 * @return the run
	 */
	public CleanupRun pressure() {
		return run("pressure", this.settings.dryRun(), true, Duration.ZERO);
	}

	/**
	 * Runs every rule now (the actuator operation).
	 * @param dryRun whether to delete nothing and report what would go
	 * @return the run
	 */
	public CleanupRun now(boolean dryRun) {
		return run("manual", dryRun, false, Duration.ZERO);
	}

	private CleanupRun run(String trigger, boolean dryRun, boolean pressureOnly, Duration atLeast) {
		Clock clock = this.settings.clock();
		Instant start = clock.instant();
		Duration atMost = this.settings.maxRunTime().plus(LOCK_MARGIN);
		Optional<SimpleLock> lock;
		try {
			lock = this.locks.lock(new LockConfiguration(start, this.settings.lockName(), atMost,
					(atLeast.compareTo(atMost) < 0) ? atLeast : Duration.ZERO));
		}
		catch (RuntimeException ex) {
			String error = "the lock '" + this.settings.lockName() + "' cannot be reached: " + ex;
			logger.warn("Storage cleanup skipped: " + error);
			return recorded(new CleanupRun(CleanupRun.Outcome.FAILED, trigger, start, Duration.ZERO, List.of(), error));
		}
		if (lock.isEmpty()) {
			logger.debug("Storage cleanup skipped: another run holds the lock " + this.settings.lockName());
			return recorded(
					new CleanupRun(CleanupRun.Outcome.SKIPPED_LOCKED, trigger, start, Duration.ZERO, List.of(), null));
		}
		try {
			return recorded(runRules(trigger, dryRun, pressureOnly, start));
		}
		catch (RuntimeException ex) {
			// recorded, so that health and metrics see it; the schedule goes on
			logger.error("Storage cleanup run broke off", ex);
			return recorded(new CleanupRun(CleanupRun.Outcome.FAILED, trigger, start,
					Duration.between(start, clock.instant()), List.of(), "broke off: " + ex));
		}
		finally {
			lock.get().unlock();
		}
	}

	private CleanupRun runRules(String trigger, boolean dryRun, boolean pressureOnly, Instant start) {
		Clock clock = this.settings.clock();
		Instant deadline = start.plus(this.settings.maxRunTime());
		List<CleanupReport> reports = new ArrayList<>();
		CleanupRun.Outcome outcome = CleanupRun.Outcome.COMPLETED;
		for (CleanupRule rule : this.rules) {
			boolean pressure = this.walker.underPressure(rule);
			if (pressureOnly && !pressure) {
				continue;
			}
			if (pressure) {
				this.metrics.pressureIncident();
				logger.warn("Storage cleanup: free space of " + rule.folder() + " is below "
						+ rule.retention().freeSpaceThreshold() + " (rule " + rule.name()
						+ "); deleting the oldest files older than " + rule.retention().pressureMaxAge());
			}
			Duration left = Duration.between(clock.instant(), deadline);
			CleanupReport report = this.walker.run(rule, dryRun, pressure, left.isNegative() ? Duration.ZERO : left);
			reports.add(report);
			this.lastReports.put(rule.name(), report);
			if (report.cutShort()) {
				outcome = CleanupRun.Outcome.CUT_SHORT;
				break;
			}
			if (report.failures() > 0) {
				outcome = CleanupRun.Outcome.FAILED;
			}
		}
		return new CleanupRun(outcome, trigger, start, Duration.between(start, clock.instant()), List.copyOf(reports),
				null);
	}

	private CleanupRun recorded(CleanupRun run) {
		this.metrics.recorded(run);
		if (run.outcome() != CleanupRun.Outcome.SKIPPED_LOCKED) {
			this.lastRun = run;
		}
		if (run.outcome() == CleanupRun.Outcome.COMPLETED || run.outcome() == CleanupRun.Outcome.SKIPPED_LOCKED) {
			this.lastCovered = run.startedAt().plus(run.duration());
		}
		if (run.outcome() == CleanupRun.Outcome.CUT_SHORT) {
			logger.warn("Storage cleanup run cut short after " + this.settings.maxRunTime()
					+ " (hardening.storage.cleanup.max-run-time); the next run goes on");
		}
		return run;
	}

	List<CleanupRule> rules() {
		return this.rules;
	}

	Map<String, CleanupReport> lastReports() {
		return this.lastReports;
	}

	CleanupRun lastRun() {
		return this.lastRun;
	}

	Instant lastCovered() {
		return this.lastCovered;
	}

	CleanupMetrics metrics() {
		return this.metrics;
	}

}
