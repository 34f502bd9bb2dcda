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
			this.tally.fileDeleted(this.selector.root().relativize(target).toString(), now.size());
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
	 * Resolves the entry through the real path of its parent, so a folder swapped for a link during the scan
	 * is noticed; returns {@code null} when that leaves the rule's folder or its file store.
	 */
	private Path containedTarget(Path entry) throws IOException {
		Path parent = entry.getParent().toRealPath();
		if (!parent.startsWith(this.selector.root())) {
			this.failures.accept(entry, new IOException("Refused: its real path leaves the rule's folder"));
			return null;
		}
		if (!Files.getFileStore(parent).equals(this.selector.store())) {
			return null;
		}
		return parent.resolve(entry.getFileName());
	}

}
