package io.github.hardening.storage.cleanup;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * The counters of the cleanup, created once at startup per rule and per outcome, plus the last run's
 * duration and the time of the last successful run for gauges.
 */
final class CleanupMetrics {

	static final int FILES = 0;

	static final int BYTES = 1;

	static final int FAILURES = 2;

	/** Per rule: files, bytes and failures, exported by {@code CleanupMeters} as function counters. */
	private final Map<String, AtomicLong[]> perRule = new LinkedHashMap<>();

	private final Map<CleanupRun.Outcome, HardeningCounter> runs = new EnumMap<>(CleanupRun.Outcome.class);

	private final HardeningCounter pressureIncidents;

	private volatile double lastDurationSeconds = Double.NaN;

	private volatile double lastSuccessEpochSeconds = Double.NaN;

	CleanupMetrics(HardeningMetrics metrics, List<CleanupRule> rules) {
		for (CleanupRule rule : rules) {
			this.perRule.put(rule.name(), new AtomicLong[] { new AtomicLong(), new AtomicLong(), new AtomicLong() });
		}
		for (CleanupRun.Outcome outcome : CleanupRun.Outcome.values()) {
			this.runs.put(outcome, metrics.counter("hardening.storage.cleanup.runs", "Storage cleanup runs by outcome",
					"outcome", outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
		}
		this.pressureIncidents = metrics.counter("hardening.storage.cleanup.pressure.incidents",
				"Times a rule's file store was below its free-space threshold");
	}

	void recorded(CleanupRun run) {
		this.runs.get(run.outcome()).increment();
		if (run.outcome() == CleanupRun.Outcome.SKIPPED_LOCKED) {
			return;
		}
		this.lastDurationSeconds = run.duration().toNanos() / 1e9;
		if (run.outcome() == CleanupRun.Outcome.COMPLETED) {
			this.lastSuccessEpochSeconds = run.startedAt().plus(run.duration()).toEpochMilli() / 1000.0;
		}
		for (CleanupReport report : run.rules()) {
			AtomicLong[] counts = this.perRule.get(report.rule());
			counts[FAILURES].addAndGet(report.failures());
			if (!report.dryRun()) {
				counts[FILES].addAndGet(report.filesDeleted());
				counts[BYTES].addAndGet(report.bytesDeleted());
			}
		}
	}

	void pressureIncident() {
		this.pressureIncidents.increment();
	}

	double lastDurationSeconds() {
		return this.lastDurationSeconds;
	}

	double lastSuccessEpochSeconds() {
		return this.lastSuccessEpochSeconds;
	}

	Map<String, Object> counters() {
		Map<String, Object> counters = new LinkedHashMap<>();
		this.runs.forEach((outcome, counter) -> counters.put("runs-" + outcome.name().toLowerCase(java.util.Locale.ROOT)
			.replace('_', '-'), (long) counter.count()));
		counters.put("files-deleted", sum(FILES));
		counters.put("bytes-deleted", sum(BYTES));
		counters.put("failures", sum(FAILURES));
		counters.put("pressure-incidents", (long) this.pressureIncidents.count());
		return counters;
	}

	Map<String, AtomicLong[]> perRule() {
		return this.perRule;
	}

	private long sum(int index) {
		return this.perRule.values().stream().mapToLong((counts) -> counts[index].get()).sum();
	}

}
