package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Decides which entries under a rule's folder a run may look at: selected globs, excluded globs, minimum
 * depth, the folder's own file store, and never a symbolic link.
 */
final class FileSelector {

	private final Path root;

	private final FileStore store;

	private final List<PathMatcher> include;

	private final List<PathMatcher> exclude;

	private final int minDepth;

	FileSelector(CleanupRule rule) throws IOException {
		this.root = rule.folder();
		this.store = Files.getFileStore(this.root);
		this.include = matchers(rule.selection().include());
		this.exclude = matchers(rule.selection().exclude());
		this.minDepth = rule.selection().minDepth();
	}

	Path root() {
		return this.root;
	}

	FileStore store() {
		return this.store;
	}

	int depth(Path path) {
		return this.root.relativize(path).getNameCount();
	}

	/** Whether the walk goes into this folder: not excluded, and on the rule folder's file store. */
	boolean entersDirectory(Path dir) throws IOException {
		return dir.equals(this.root) || (!matchesAny(this.exclude, dir) && Files.getFileStore(dir).equals(this.store));
	}

	/** Whether a folder may be deleted once empty. */
	boolean mayDeleteDirectory(Path dir) {
		return !dir.equals(this.root) && mayDeleteDirectory(depth(dir));
	}

	/** Whether a folder of this depth (1 = directly in the rule's folder) may be deleted once empty. */
	boolean mayDeleteDirectory(int depth) {
		return depth >= Math.max(1, this.minDepth);
	}

	/** Whether a file may be deleted at all: a regular file (never a link), deep enough, included, not excluded. */
	boolean selects(Path file, BasicFileAttributes attributes) {
		return selects(file, depth(file), attributes);
	}

	/** Like {@link #selects(Path, BasicFileAttributes)}, for a walk that knows the file's depth. */
	boolean selects(Path file, int depth, BasicFileAttributes attributes) {
		if (attributes.isSymbolicLink() || !attributes.isRegularFile() || depth < this.minDepth) {
			return false;
		}
		return (this.include.isEmpty() || matchesAny(this.include, file)) && !matchesAny(this.exclude, file);
	}

	private boolean matchesAny(List<PathMatcher> matchers, Path path) {
		if (matchers.isEmpty()) {
			return false;
		}
		Path relative = this.root.relativize(path);
		Path name = path.getFileName();
		for (PathMatcher matcher : matchers) {
			if (matcher.matches(relative) || (name != null && matcher.matches(name))) {
				return true;
			}
		}
		return false;
	}

	private List<PathMatcher> matchers(List<String> globs) {
		return globs.stream().map((glob) -> this.root.getFileSystem().getPathMatcher("glob:" + glob)).toList();
	}

}
