package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiConsumer;

/**
 * Deletes entries by name relative to an open folder ({@code unlinkat}), after checking that the folder's path
 * still names that open folder; in a dry run, counts what it would delete after the same checks.
 */
final class FolderDeleter {

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	private final Path root;

	private final CleanupTally tally;

	private final BiConsumer<Path, IOException> failures;

	FolderDeleter(Path root, CleanupTally tally, BiConsumer<Path, IOException> failures) {
		this.root = root;
		this.tally = tally;
		this.failures = failures;
	}

	SafeDeleter.Outcome deleteFile(OpenFolder folder, Path file, long size) {
		try {
			if (!stillInPlace(folder)) {
				return SafeDeleter.Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				folder.stream().deleteFile(file.getFileName());
			}
			this.tally.fileDeleted(this.root, file, size);
			return SafeDeleter.Outcome.DELETED;
		}
		catch (NoSuchFileException ex) {
			return SafeDeleter.Outcome.GONE;
		}
		catch (IOException ex) {
			this.failures.accept(file, ex);
			return SafeDeleter.Outcome.KEPT;
		}
	}

	SafeDeleter.Outcome deleteDirectory(OpenFolder parent, OpenFolder dir) {
		Path name = dir.path().getFileName();
		try {
			BasicFileAttributes now = parent.stream().getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
				.readAttributes();
			if (!now.isDirectory() || !dir.key().equals(now.fileKey()) || !stillInPlace(parent)) {
				return SafeDeleter.Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				parent.stream().deleteDirectory(name);
			}
			this.tally.directoryDeleted();
			return SafeDeleter.Outcome.DELETED;
		}
		catch (DirectoryNotEmptyException ex) {
			// something was written into it during the run: it stays
			return SafeDeleter.Outcome.KEPT;
		}
		catch (NoSuchFileException ex) {
			return SafeDeleter.Outcome.GONE;
		}
		catch (IOException ex) {
			this.failures.accept(dir.path(), ex);
			return SafeDeleter.Outcome.KEPT;
		}
	}

	/**
	 * Whether the folder's path still names the open folder (one {@code lstat}): a folder moved out of the
	 * rule's folder during the run, or swapped for a link, no longer does, and nothing more is deleted from it.
	 */
	boolean stillInPlace(OpenFolder folder) throws IOException {
		Object now = Files.readAttributes(folder.path(), BasicFileAttributes.class, NOFOLLOW).fileKey();
		if (folder.key().equals(now)) {
			return true;
		}
		this.failures.accept(folder.path(), new IOException("Refused: the folder was moved or replaced during the run"));
		return false;
	}

}
