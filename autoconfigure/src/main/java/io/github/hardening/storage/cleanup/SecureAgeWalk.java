package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * The age pass through open folder descriptors ({@link SecureDirectoryStream}: {@code openat}, {@code fstatat},
 * {@code unlinkat}, the calls find(1) makes), used where the file system offers them (Linux). Each folder is
 * opened by name from its already open parent, refusing links, so a folder swapped for a link during the run
 * cannot redirect a delete; each file's attributes are read once, right before it is deleted; before each
 * delete the folder's path must still name the folder that is open. Memory grows with the depth of the tree
 * (one open folder per level), not with the number of files.
 */
final class SecureAgeWalk {

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	/** One open folder, its identity (file key) and how many of its entries stay. */
	private static final class Folder {

		private final SecureDirectoryStream<Path> stream;

		private final java.util.Iterator<Path> entries;

		private final Path path;

		private final Object key;

		private final int depth;

		private long staying;

		Folder(SecureDirectoryStream<Path> stream, Path path, Object key, int depth) {
			this.stream = stream;
			this.entries = stream.iterator();
			this.path = path;
			this.key = key;
			this.depth = depth;
		}

	}

	private final FileSelector selector;

	private final CleanupTally tally;

	private final AgeBy ageBy;

	private final FileTime cutoff;

	private final boolean deleteEmptyDirectories;

	private final BiConsumer<Path, IOException> failures;

	private final EntryHook hook;

	private long keptBytes;

	SecureAgeWalk(FileSelector selector, CleanupTally tally, CleanupRule rule, FileTime cutoff,
			BiConsumer<Path, IOException> failures, EntryHook hook) {
		this.selector = selector;
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

	/**
	 * Walks the rule's folder.
	 * @return {@code false}, having done nothing, when the file system offers no folder descriptors
	 */
	boolean run() throws IOException {
		Path root = this.selector.root();
		DirectoryStream<Path> opened = Files.newDirectoryStream(root);
		if (!(opened instanceof SecureDirectoryStream<Path> stream)) {
			opened.close();
			return false;
		}
		Object key;
		try {
			key = stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
		}
		catch (IOException ex) {
			stream.close();
			throw ex;
		}
		Deque<Folder> open = new ArrayDeque<>();
		open.push(new Folder(stream, root, key, 0));
		try {
			// the rule's folder itself may have been swapped for a link since startup
			if (!stillInPlace(open.peek())) {
				return true;
			}
			while (!open.isEmpty() && !this.tally.outOfTime()) {
				Folder folder = open.peek();
				Path entry = next(folder);
				if (entry == null) {
					open.pop();
					close(folder);
					finished(folder, open.peek());
				}
				else {
					Folder child = visit(folder, entry);
					if (child != null) {
						open.push(child);
					}
				}
			}
		}
		finally {
			open.forEach(this::close);
		}
		return true;
	}

	private Path next(Folder folder) {
		try {
			return folder.entries.hasNext() ? folder.entries.next() : null;
		}
		catch (DirectoryIteratorException ex) {
			this.failures.accept(folder.path, ex.getCause());
			folder.staying++;
			return null;
		}
	}

	private Folder visit(Folder folder, Path entry) {
		this.hook.beforeEntry(entry);
		Path name = entry.getFileName();
		BasicFileAttributes attributes;
		try {
			attributes = folder.stream.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
				.readAttributes();
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			this.failures.accept(entry, ex);
			folder.staying++;
			return null;
		}
		if (attributes.isDirectory()) {
			return enter(folder, entry, attributes);
		}
		visitFile(folder, entry, attributes);
		return null;
	}

	private void visitFile(Folder folder, Path file, BasicFileAttributes attributes) {
		if (!this.selector.selects(file, folder.depth + 1, attributes)) {
			folder.staying++;
			return;
		}
		if (this.ageBy.of(attributes).compareTo(this.cutoff) < 0
				&& deleteFile(folder, file, attributes.size()) != SafeDeleter.Outcome.KEPT) {
			return;
		}
		folder.staying++;
		this.keptBytes += attributes.size();
	}

	private Folder enter(Folder folder, Path dir, BasicFileAttributes attributes) {
		SecureDirectoryStream<Path> child = null;
		try {
			if (this.selector.entersDirectory(dir)) {
				child = folder.stream.newDirectoryStream(dir.getFileName(), NOFOLLOW);
				Object key = child.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
				if (key != null && key.equals(attributes.fileKey())) {
					return new Folder(child, dir, key, folder.depth + 1);
				}
				// replaced between the listing and the open: left for the next run
				child.close();
			}
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			this.failures.accept(dir, ex);
			closeQuietly(child);
		}
		folder.staying++;
		return null;
	}

	private void finished(Folder folder, Folder parent) {
		if (parent == null) {
			return;
		}
		boolean empty = folder.staying == 0 && this.deleteEmptyDirectories
				&& this.selector.mayDeleteDirectory(folder.depth) && !this.tally.outOfTime();
		if (!empty || deleteDirectory(parent, folder) == SafeDeleter.Outcome.KEPT) {
			parent.staying++;
		}
	}

	private SafeDeleter.Outcome deleteFile(Folder folder, Path file, long size) {
		try {
			if (!stillInPlace(folder)) {
				return SafeDeleter.Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				folder.stream.deleteFile(file.getFileName());
			}
			this.tally.fileDeleted(this.selector.root(), file, size);
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

	private SafeDeleter.Outcome deleteDirectory(Folder parent, Folder dir) {
		Path name = dir.path.getFileName();
		try {
			BasicFileAttributes now = parent.stream.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
				.readAttributes();
			if (!now.isDirectory() || !dir.key.equals(now.fileKey()) || !stillInPlace(parent)) {
				return SafeDeleter.Outcome.KEPT;
			}
			if (!this.tally.dryRun()) {
				parent.stream.deleteDirectory(name);
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
			this.failures.accept(dir.path, ex);
			return SafeDeleter.Outcome.KEPT;
		}
	}

	/**
	 * Whether the folder's path still names the open folder (one {@code lstat}): a folder moved out of the
	 * rule's folder during the run, or swapped for a link, no longer does, and nothing more is deleted from it.
	 */
	private boolean stillInPlace(Folder folder) throws IOException {
		Object now = Files.readAttributes(folder.path, BasicFileAttributes.class, NOFOLLOW).fileKey();
		if (folder.key.equals(now)) {
			return true;
		}
		this.failures.accept(folder.path, new IOException("Refused: the folder was moved or replaced during the run"));
		return false;
	}

	private void close(Folder folder) {
		try {
			folder.stream.close();
		}
		catch (IOException ex) {
			this.failures.accept(folder.path, ex);
		}
	}

	private static void closeQuietly(SecureDirectoryStream<Path> stream) {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// already reported: the open or the check that led here failed
			}
		}
	}

}
