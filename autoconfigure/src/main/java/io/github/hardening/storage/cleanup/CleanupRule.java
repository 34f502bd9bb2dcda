package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One folder and what is deleted from it, validated.
 *
 * @param name name of the rule in metrics and the report
 * @param folder the folder, absolute and real (no symbolic link in it)
 * @param selection which files the rule looks at
 * @param retention how long and how much is kept
 */
public record CleanupRule(String name, Path folder, Selection selection, Retention retention) {

	/**
	 * Which files a rule looks at.
	 *
	 * @param include globs a file must match (relative path or file name), empty for every file
	 * @param exclude globs of files and folders that are never touched
	 * @param minDepth depth from which files are considered, 1 being files directly in the folder
	 * @param ageBy which time counts as the age
	 */
	public record Selection(List<String> include, List<String> exclude, int minDepth, AgeBy ageBy) {
	}

	/**
	 * How long and how much a rule keeps.
	 *
	 * @param maxAge files older than this are deleted
	 * @param maxTotalSize bytes the folder may hold, oldest files going first past it, or {@code -1}
	 * @param deleteEmptyDirectories whether empty folders under the rule's folder are deleted
	 * @param freeSpaceThreshold free space under which a pressure run starts, or {@code null}
	 * @param pressureMaxAge files older than this may go during a pressure run
	 */
	public record Retention(Duration maxAge, long maxTotalSize, boolean deleteEmptyDirectories,
			FreeSpaceThreshold freeSpaceThreshold, Duration pressureMaxAge) {
	}

}
