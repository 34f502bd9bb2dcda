package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * The first pass of a run by path, where the file system offers no folder descriptors ({@link SecureAgeWalk}
 * is used where it does): deletes selected files older than the cutoff and the folders this leaves empty,
 * and adds up the bytes of the selected files that stay (for the size quota). It holds one counter per open
 * folder, so memory grows with the depth of the tree, not with the number of files.
 */
final class AgeWalk extends SimpleFileVisitor<Path> {

	private final FileSelector selector;

	private final SafeDeleter deleter;

	private final CleanupTally tally;

	private final AgeBy ageBy;

	private final FileTime cutoff;

	private final boolean deleteEmptyDirectories;

	private final BiConsumer<Path, IOException> failures;

	private final EntryHook hook;

	/** Entries that stay in each open folder; a folder with none left is empty after the run. */
	private final Deque<long[]> staying = new ArrayDeque<>();

	private long keptBytes;

	AgeWalk(FileSelector selector, SafeDeleter deleter, CleanupTally tally, CleanupRule rule, FileTime cutoff,
			BiConsumer<Path, IOException> failures, EntryHook hook) {
		this.selector = selector;
		this.deleter = deleter;
		this.tally = tally;
		this.ageBy = rule.selection().ageBy();
		this.cutoff = cutoff;
		this.deleteEmptyDirectories = rule.retention().deleteEmptyDirectories();
		this.failures = failures;
		this.hook = hook;
	}

	long keptBytes() {
		return this.keptBytes;
	}

	@Override
	public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
		if (this.tally.outOfTime()) {
			return FileVisitResult.TERMINATE;
		}
		if (!this.selector.entersDirectory(dir)) {
			stays();
			return FileVisitResult.SKIP_SUBTREE;
		}
		this.staying.push(new long[1]);
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
		if (this.tally.outOfTime()) {
			return FileVisitResult.TERMINATE;
		}
		// the walk has read the attributes already; the delete re-reads them (SafeDeleter)
		this.hook.beforeEntry(file);
		if (!this.selector.selects(file, attrs)) {
			stays();
			return FileVisitResult.CONTINUE;
		}
		if (this.ageBy.of(attrs).compareTo(this.cutoff) < 0) {
			SafeDeleter.Outcome outcome = this.deleter.deleteFile(file,
					(now) -> this.ageBy.of(now).compareTo(this.cutoff) < 0);
			if (outcome != SafeDeleter.Outcome.KEPT) {
				return FileVisitResult.CONTINUE;
			}
		}
		stays();
		this.keptBytes += attrs.size();
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFileFailed(Path file, IOException exc) {
		if (!(exc instanceof NoSuchFileException)) {
			this.failures.accept(file, exc);
			stays();
		}
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
		long[] left = this.staying.pop();
		if (exc != null && !(exc instanceof NoSuchFileException)) {
			this.failures.accept(dir, exc);
			left[0]++;
		}
		if (dir.equals(this.selector.root())) {
			return FileVisitResult.CONTINUE;
		}
		boolean empty = left[0] == 0 && this.deleteEmptyDirectories && this.selector.mayDeleteDirectory(dir)
				&& !this.tally.outOfTime();
		if (!empty || this.deleter.deleteEmptyDirectory(dir) == SafeDeleter.Outcome.KEPT) {
			stays();
		}
		return this.tally.outOfTime() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
	}

	private void stays() {
		long[] current = this.staying.peek();
		if (current != null) {
			current[0]++;
		}
	}

}
