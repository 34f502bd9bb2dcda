package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs one rule over its folder: deletes files older than the maximum age and the folders left empty, then
 * the oldest files while the folder is over its size quota, then, in a pressure run, the oldest files older
 * than the pressure age until free space is back above the threshold. Never follows a symbolic link.
 */
public class CleanupWalker {

	private static final Log logger = LogFactory.getLog(CleanupWalker.class);

	private static final int MAX_LOGGED = 1000;

	private final Clock clock;

	private final FreeSpaceSource freeSpace;

	/** Errors already logged, so that a failing file is logged once, not at every run. */
	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/** Whether the age pass may use folder descriptors where the file system offers them. */
	private final boolean folderDescriptors;

	private final EntryHook hook;

	/**
	 * Creates the walker.
	 * @param clock tells the time (file ages, maximum run time)
	 * @param freeSpace tells the free space of a folder's file store
	 */
	public CleanupWalker(Clock clock, FreeSpaceSource freeSpace) {
		this(clock, freeSpace, true, EntryHook.NONE);
	}

	CleanupWalker(Clock clock, FreeSpaceSource freeSpace, boolean folderDescriptors, EntryHook hook) {
		this.clock = clock;
		this.freeSpace = freeSpace;
		this.folderDescriptors = folderDescriptors;
		this.hook = hook;
	}

	/**
	 * Runs the rule once.
	 * @param rule the rule
	 * @param dryRun whether to only report what would be deleted
	 * @param pressure whether this is a disk-pressure run
	 * @param maxRunTime when the run stops and reports that it was cut short
	 * @return what the run did
	 */
	public CleanupReport run(CleanupRule rule, boolean dryRun, boolean pressure, Duration maxRunTime) {
		CleanupTally tally = new CleanupTally(rule.name(), this.clock, maxRunTime, dryRun, pressure);
		BiConsumer<Path, IOException> failures = (path, ex) -> failed(rule, tally, path, ex);
		try {
			FileSelector selector = new FileSelector(rule);
			SafeDeleter deleter = new SafeDeleter(selector, tally, failures);
			AgeBy ageBy = rule.selection().ageBy();
			FileTime cutoff = cutoff(rule.retention().maxAge());
			long keptBytes = agePass(rule, selector, deleter, tally, cutoff, failures);
			OldestFirst oldest = new OldestFirst(selector, deleter, tally, ageBy, failures);
			long quota = rule.retention().maxTotalSize();
			if (quota >= 0 && keptBytes > quota) {
				long[] remaining = { keptBytes };
				oldest.run((a) -> !older(ageBy, a, cutoff), () -> remaining[0] <= quota, (size) -> remaining[0] -= size);
			}
			FreeSpaceThreshold threshold = rule.retention().freeSpaceThreshold();
			if (pressure && threshold != null) {
				FileTime pressureCutoff = cutoff(rule.retention().pressureMaxAge());
				long before = tally.bytesDeleted();
				oldest.run((a) -> older(ageBy, a, pressureCutoff) && !older(ageBy, a, cutoff),
						() -> !underPressure(rule, threshold, dryRun ? tally.bytesDeleted() - before : 0), (size) -> {
						});
			}
		}
		catch (IOException ex) {
			failures.accept(rule.folder(), ex);
		}
		return tally.report();
	}

	/**
	 * Deletes the files older than the cutoff and the folders left empty, through folder descriptors where the
	 * file system offers them, else by path; returns the bytes of the selected files that stay.
	 */
	private long agePass(CleanupRule rule, FileSelector selector, SafeDeleter deleter, CleanupTally tally,
			FileTime cutoff, BiConsumer<Path, IOException> failures) throws IOException {
		if (this.folderDescriptors) {
			SecureAgeWalk secure = new SecureAgeWalk(selector, tally, rule, cutoff, failures, this.hook);
			if (secure.run()) {
				return secure.keptBytes();
			}
		}
		AgeWalk ages = new AgeWalk(selector, deleter, tally, rule, cutoff, failures, this.hook);
		Files.walkFileTree(rule.folder(), EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, ages);
		return ages.keptBytes();
	}

	/**
	 * Tells whether the rule's file store is below its free-space threshold.
	 * @param rule the rule
	 * @return whether it is under pressure; {@code false} without a threshold or when the store cannot be read
	 */
	public boolean underPressure(CleanupRule rule) {
		FreeSpaceThreshold threshold = rule.retention().freeSpaceThreshold();
		return threshold != null && underPressure(rule, threshold, 0);
	}

	private boolean underPressure(CleanupRule rule, FreeSpaceThreshold threshold, long freedInDryRun) {
		try {
			long usable = this.freeSpace.usableBytes(rule.folder()) + freedInDryRun;
			return threshold.isBelow(usable, this.freeSpace.totalBytes(rule.folder()));
		}
		catch (IOException ex) {
			logOnce(rule.name() + " free space " + ex.getClass().getSimpleName(), "Cannot read the free space of "
					+ rule.folder() + " (rule " + rule.name() + "): " + ex.getMessage());
			return false;
		}
	}

	private FileTime cutoff(Duration age) {
		return FileTime.from(this.clock.instant().minus(age));
	}

	private static boolean older(AgeBy ageBy, BasicFileAttributes attributes, FileTime cutoff) {
		return ageBy.of(attributes).compareTo(cutoff) < 0;
	}

	private void failed(CleanupRule rule, CleanupTally tally, Path path, IOException ex) {
		// one line per kind of error and folder: a folder of unreadable files must not flood the log
		Path folder = (path.getParent() != null && path.startsWith(rule.folder())) ? path.getParent() : path;
		String key = ex.getClass().getSimpleName() + " in " + folder;
		tally.failed(key);
		logOnce(rule.name() + " " + key, "Storage cleanup rule " + rule.name() + " could not handle " + path + ": "
				+ ex.getClass().getSimpleName() + " " + ex.getMessage() + " (the run goes on; logged once)");
	}

	private void logOnce(String key, String message) {
		if (this.logged.size() < MAX_LOGGED && this.logged.add(key)) {
			logger.warn(message);
		}
	}

}
