package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Deletes one entry after checking, right before the delete, everything the scan saw may have changed: the
 * entry still exists, is still a regular file (not a link), still qualifies (its age is re-read), its real
 * parent folder is still inside the rule's folder and on the same file store.
 */
final class SafeDeleter {

	enum Outcome {

		/** Deleted, or counted as such in a dry run. */
		DELETED,

		/** Left in place: it changed, or a check or the delete failed. */
		KEPT,

		/** It vanished before the delete: not an error. */
		GONE

	}

	private final FileSelector selector;

	private final CleanupTally tally;

	private final BiConsumer<Path, IOException> failures;

	/** The folder whose real path was last checked, and its file key then. */
	private Path checkedParent;

	private Object checkedKey;

	SafeDeleter(FileSelector selector, CleanupTally tally, BiConsumer<Path, IOException> failures) {
		this.selector = selector;
		this.tally = tally;
		this.failures = failures;
	}

	Outcome deleteFile(Path file, Predicate<BasicFileAttributes> stillQualifies) {
		try {
			BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			if (!now.isRegularFile() || !stillQualifies.test(now)) {
				return Outcome.KEPT;
			}
			Path target = containedTarget(file);
			if (target == null) {
				return Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				Files.delete(target);
			}
			this.tally.fileDeleted(this.selector.root(), target, now.size());
			return Outcome.DELETED;
		}
		catch (NoSuchFileException ex) {
			return Outcome.GONE;
		}
		catch (IOException ex) {
			this.failures.accept(file, ex);
			return Outcome.KEPT;
		}
	}

	Outcome deleteEmptyDirectory(Path dir) {
		try {
			BasicFileAttributes now = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			Path target = now.isDirectory() ? containedTarget(dir) : null;
			if (target == null) {
				return Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				Files.delete(target);
			}
			this.tally.directoryDeleted();
			return Outcome.DELETED;
		}
		catch (DirectoryNotEmptyException ex) {
			// something was written into it during the run: it stays
			return Outcome.KEPT;
		}
		catch (NoSuchFileException ex) {
			return Outcome.GONE;
		}
		catch (IOException ex) {
			this.failures.accept(dir, ex);
			return Outcome.KEPT;
		}
	}

	/**
	 * Checks that the entry's parent folder is still inside the rule's folder and on its file store, and
	 * returns the path to delete, or {@code null}. The parent's real path is resolved once per folder and
	 * remembered with the folder's file key (device and inode); every later delete in that folder re-reads the
	 * key without following a link: the same key is the same folder (folders have one parent), so a folder or
	 * an ancestor swapped for a link since is noticed and resolved again. This keeps the check per delete to one
	 * {@code lstat} instead of a {@code realpath} and a mount-table lookup.
	 */
	private Path containedTarget(Path entry) throws IOException {
		Path parent = entry.getParent();
		Object key = Files.readAttributes(parent, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		if (key == null || !parent.equals(this.checkedParent) || !key.equals(this.checkedKey)) {
			Path real = parent.toRealPath();
			if (!real.startsWith(this.selector.root())) {
				this.failures.accept(entry, new IOException("Refused: its real path leaves the rule's folder"));
				return null;
			}
			if (!Files.getFileStore(real).equals(this.selector.store())) {
				return null;
			}
			this.checkedParent = parent;
			this.checkedKey = key;
		}
		return entry;
	}

}
