package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.Iterator;

/**
 * One folder a walk has open: its descriptor, where it is, its identity (file key), its depth under the rule's
 * folder, and how many of its entries stay (none left: it is empty after the run).
 */
final class OpenFolder {

	private final SecureDirectoryStream<Path> stream;

	private final Iterator<Path> entries;

	private final Path path;

	private final Object key;

	private final int depth;

	private long staying;

	OpenFolder(SecureDirectoryStream<Path> stream, Path path, Object key, int depth) {
		this.stream = stream;
		this.entries = stream.iterator();
		this.path = path;
		this.key = key;
		this.depth = depth;
	}

	SecureDirectoryStream<Path> stream() {
		return this.stream;
	}

	Path path() {
		return this.path;
	}

	Object key() {
		return this.key;
	}

	int depth() {
		return this.depth;
	}

	/** The next entry, or {@code null} at the end; may throw {@code DirectoryIteratorException}. */
	Path next() {
		return this.entries.hasNext() ? this.entries.next() : null;
	}

	void stays() {
		this.staying++;
	}

	boolean empty() {
		return this.staying == 0;
	}

}
