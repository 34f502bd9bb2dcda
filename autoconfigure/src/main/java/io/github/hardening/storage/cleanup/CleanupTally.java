package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts one run of one rule while it goes, then turns into its {@link CleanupReport}. Keeps a bounded list of
 * paths and errors so that memory does not grow with the number of files.
 */
final class CleanupTally {

	static final int MAX_PATHS = 1000;

	static final int MAX_ERRORS = 20;

	private final String rule;

	private final Clock clock;

	private final Instant startedAt;

	private final Instant deadline;

	private final boolean dryRun;

	private final boolean pressure;

	private boolean cutShort;

	private long files;

	private long bytes;

	private long directories;

	private long failures;

	private final Set<String> errors = new LinkedHashSet<>();

	private final List<String> deleted = new ArrayList<>();

	CleanupTally(String rule, Clock clock, Duration maxRunTime, boolean dryRun, boolean pressure) {
		this.rule = rule;
		this.clock = clock;
		this.startedAt = clock.instant();
		this.deadline = this.startedAt.plus(maxRunTime);
		this.dryRun = dryRun;
		this.pressure = pressure;
	}

	boolean dryRun() {
		return this.dryRun;
	}

	/** Tells whether the run must stop now, and remembers that it was cut short. */
	boolean outOfTime() {
		if (!this.cutShort && this.clock.instant().isAfter(this.deadline)) {
			this.cutShort = true;
		}
		return this.cutShort;
	}

	void fileDeleted(Path root, Path file, long size) {
		this.files++;
		this.bytes += size;
		if (this.deleted.size() < MAX_PATHS) {
			this.deleted.add(root.relativize(file).toString());
		}
	}

	void directoryDeleted() {
		this.directories++;
	}

	/** Counts a failure; returns whether this kind of error is new in this run. */
	boolean failed(String error) {
		this.failures++;
		return this.errors.size() < MAX_ERRORS && this.errors.add(error);
	}

	long bytesDeleted() {
		return this.bytes;
	}

	CleanupReport report() {
		return new CleanupReport(this.rule, this.startedAt, Duration.between(this.startedAt, this.clock.instant()),
				this.dryRun, this.pressure, this.cutShort, this.files, this.bytes, this.directories, this.failures,
				List.copyOf(this.errors), List.copyOf(this.deleted));
	}

}
