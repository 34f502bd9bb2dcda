package io.github.hardening.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Detects a stored file's type from its bytes (and name), never trusting the client's declared type.
 */
@FunctionalInterface
public interface ContentTypeDetector {

	/** Detects nothing: every file is {@code application/octet-stream}, always downloaded. */
	ContentTypeDetector OCTET_STREAM = (file, name) -> "application/octet-stream";

	/**
	 * Detects the type.
	 * @param file the complete file
	 * @param filename its sanitised name
	 * @return a media type such as {@code image/png}
	 * @throws IOException when the file cannot be read
	 */
	String detect(Path file, String filename) throws IOException;

}
