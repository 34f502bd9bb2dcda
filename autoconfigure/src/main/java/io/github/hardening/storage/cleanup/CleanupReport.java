package io.github.hardening.storage.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one run of one rule did (or, in a dry run, would have done).
 *
 * @param rule the rule's name
 * @param startedAt when the run started
 * @param duration how long it took
 * @param dryRun whether nothing was deleted
 * @param pressure whether it ran because of disk pressure
 * @param cutShort whether it stopped at the maximum run time
 * @param filesDeleted files deleted
 * @param bytesDeleted bytes of the files deleted
 * @param directoriesDeleted empty folders deleted
 * @param failures files or folders that could not be read or deleted
 * @param errors distinct error descriptions, at most {@value CleanupTally#MAX_ERRORS}
 * @param deleted relative paths of the deleted files, at most {@value CleanupTally#MAX_PATHS}
 */
public record CleanupReport(String rule, Instant startedAt, Duration duration, boolean dryRun, boolean pressure,
		boolean cutShort, long filesDeleted, long bytesDeleted, long directoriesDeleted, long failures,
		List<String> errors, List<String> deleted) {
}
