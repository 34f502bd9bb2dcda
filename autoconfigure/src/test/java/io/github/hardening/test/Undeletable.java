package io.github.hardening.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Makes a real file impossible to delete for the test's process, and possible again on close: as root (who
 * ignores permissions) with {@code chattr +i}, which needs CAP_LINUX_IMMUTABLE and an ext2/3/4-like file
 * system; otherwise by making its parent folder read-only ({@code 0555}). Use with try-with-resources so that
 * the temporary folder can be removed afterwards.
 */
public final class Undeletable implements AutoCloseable {

	private final Path file;

	private final boolean immutable;

	private final Set<java.nio.file.attribute.PosixFilePermission> parentPermissions;

	private Undeletable(Path file, boolean immutable, Set<java.nio.file.attribute.PosixFilePermission> parent) {
		this.file = file;
		this.immutable = immutable;
		this.parentPermissions = parent;
	}

	/**
	 * Makes the file undeletable; skips the test (assumption) when neither way works here.
	 * @param file an existing regular file
	 * @return the handle that makes it deletable again
	 * @throws IOException when the file cannot be read
	 */
	public static Undeletable make(Path file) throws IOException {
		if (isRoot(file)) {
			assumeTrue(run("chattr", "+i", file.toString()) == 0,
					"chattr +i does not work on " + file + " (root, so permissions do not stop deletes)");
			return new Undeletable(file, true, null);
		}
		Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(file.getParent());
		Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("r-xr-xr-x"));
		return new Undeletable(file, false, before);
	}

	/**
	 * Returns the Java exception a delete of the file meets: EPERM of an immutable file maps to the generic
	 * {@code FileSystemException}, EACCES of a read-only folder to {@code AccessDeniedException}.
	 * @return the exception's simple class name
	 */
	public String deleteError() {
		return this.immutable ? "FileSystemException" : "AccessDeniedException";
	}

	@Override
	public void close() throws IOException {
		if (this.immutable) {
			if (run("chattr", "-i", this.file.toString()) != 0) {
				throw new IOException("chattr -i failed on " + this.file);
			}
		}
		else {
			Files.setPosixFilePermissions(this.file.getParent(), this.parentPermissions);
		}
	}

	private static boolean isRoot(Path file) throws IOException {
		// the test just created the file, so it belongs to the test's effective user
		return Integer.valueOf(0).equals(Files.getAttribute(file, "unix:uid"));
	}

	private static int run(String... command) throws IOException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
