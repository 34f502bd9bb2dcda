package io.github.hardening.sanitize;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves an untrusted relative path under a root directory so that the result is always strictly inside
 * the root, both lexically and after following the symbolic links of the parts that exist.
 */
public final class SafePaths {

	private SafePaths() {
	}

	/**
	 * Resolves {@code untrusted} under {@code root}. Backslashes count as separators, so that a Windows-style
	 * {@code ..\x} is refused everywhere. The returned path has every existing symbolic link resolved, so
	 * the caller opens the checked file and not whatever a link points to later.
	 * @param root the directory everything must stay in
	 * @param untrusted the relative path as received
	 * @return the real path of the file (which may not exist yet) inside {@code root}
	 * @throws UnsafePathException when the path is empty, absolute, holds NUL or control characters, or
	 * leads outside {@code root} (through {@code ..} or a symbolic link)
	 */
	public static Path resolve(Path root, String untrusted) {
		if (untrusted == null || untrusted.isBlank()) {
			throw new UnsafePathException("A path is required.");
		}
		for (int i = 0; i < untrusted.length(); i++) {
			if (TextCharacters.isControl(untrusted.charAt(i)) || untrusted.charAt(i) < 0x20) {
				throw new UnsafePathException("The path contains control characters.");
			}
		}
		String relative = untrusted.replace('\\', '/');
		Path rootPath = root.toAbsolutePath().normalize();
		Path candidate;
		try {
			Path given = rootPath.getFileSystem().getPath(relative);
			if (given.isAbsolute() || relative.startsWith("/")) {
				throw new UnsafePathException("The path must be relative.");
			}
			candidate = rootPath.resolve(given).normalize();
		}
		catch (InvalidPathException ex) {
			throw new UnsafePathException("The path is not valid.", ex);
		}
		if (!candidate.startsWith(rootPath) || candidate.equals(rootPath)) {
			throw new UnsafePathException("The path leads outside its root.");
		}
		Path real = followLinks(candidate);
		if (!real.startsWith(realRoot(rootPath)) || real.equals(realRoot(rootPath))) {
			throw new UnsafePathException("The path leads outside its root.");
		}
		return real;
	}

	private static Path realRoot(Path root) {
		try {
			return Files.exists(root) ? root.toRealPath() : root;
		}
		catch (IOException ex) {
			throw new UnsafePathException("The root cannot be resolved.", ex);
		}
	}

	// The deepest part that exists (a dangling link counts as existing) is resolved, the rest appended.
	private static Path followLinks(Path candidate) {
		Path existing = candidate;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return candidate;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(candidate)).normalize();
		}
		catch (IOException ex) {
			// A dangling link: where it would lead cannot be checked, so it is not followed.
			throw new UnsafePathException("The path leads through a link that cannot be followed.", ex);
		}
	}

}
