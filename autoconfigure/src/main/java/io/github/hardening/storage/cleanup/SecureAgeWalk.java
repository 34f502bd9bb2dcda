package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
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

	private final FileSelector selector;

	private final CleanupTally tally;

	private final AgeBy ageBy;

	private final FileTime cutoff;

	private final boolean deleteEmptyDirectories;

	private final BiConsumer<Path, IOException> failures;

	private final EntryHook hook;

	private final FolderDeleter deleter;

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
		this.deleter = new FolderDeleter(selector.root(), tally, failures);
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
		Deque<OpenFolder> open = new ArrayDeque<>();
		open.push(new OpenFolder(stream, root, key, 0));
		try {
			// the rule's folder itself may have been swapped for a link since startup
			if (!this.deleter.stillInPlace(open.peek())) {
				return true;
			}
			while (!open.isEmpty() && !this.tally.outOfTime()) {
				OpenFolder folder = open.peek();
				Path entry = next(folder);
				if (entry == null) {
					open.pop();
					close(folder);
					finished(folder, open.peek());
				}
				else {
					OpenFolder child = visit(folder, entry);
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

	private Path next(OpenFolder folder) {
		try {
			return folder.next();
		}
		catch (DirectoryIteratorException ex) {
			this.failures.accept(folder.path(), ex.getCause());
			folder.stays();
			return null;
		}
	}

	private OpenFolder visit(OpenFolder folder, Path entry) {
		this.hook.beforeEntry(entry);
		Path name = entry.getFileName();
		BasicFileAttributes attributes;
		try {
			attributes = folder.stream().getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
				.readAttributes();
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			this.failures.accept(entry, ex);
			folder.stays();
			return null;
		}
		if (attributes.isDirectory()) {
			return enter(folder, entry, attributes);
		}
		visitFile(folder, entry, attributes);
		return null;
	}

	private void visitFile(OpenFolder folder, Path file, BasicFileAttributes attributes) {
		if (!this.selector.selects(file, folder.depth() + 1, attributes)) {
			folder.stays();
			return;
		}
		if (this.ageBy.of(attributes).compareTo(this.cutoff) < 0
				&& this.deleter.deleteFile(folder, file, attributes.size()) != SafeDeleter.Outcome.KEPT) {
			return;
		}
		folder.stays();
		this.keptBytes += attributes.size();
	}

	private OpenFolder enter(OpenFolder folder, Path dir, BasicFileAttributes attributes) {
		SecureDirectoryStream<Path> child = null;
		try {
			if (this.selector.entersDirectory(dir)) {
				child = folder.stream().newDirectoryStream(dir.getFileName(), NOFOLLOW);
				Object key = child.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
				if (key != null && key.equals(attributes.fileKey())) {
					return new OpenFolder(child, dir, key, folder.depth() + 1);
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
		folder.stays();
		return null;
	}

	private void finished(OpenFolder folder, OpenFolder parent) {
		if (parent == null) {
			return;
		}
		boolean empty = folder.empty() && this.deleteEmptyDirectories
				&& this.selector.mayDeleteDirectory(folder.depth()) && !this.tally.outOfTime();
		if (!empty || this.deleter.deleteDirectory(parent, folder) == SafeDeleter.Outcome.KEPT) {
			parent.stays();
		}
	}

	private void close(OpenFolder folder) {
		try {
			folder.stream().close();
		}
		catch (IOException ex) {
			this.failures.accept(folder.path(), ex);
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
