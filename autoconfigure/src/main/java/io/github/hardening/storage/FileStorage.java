package io.github.hardening.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files are kept. Only a local implementation ships; an object store can implement this later.
 */
public interface FileStorage {

	/**
	 * Stores a file under a new random id.
	 * @param content the bytes, read to the end (not closed)
	 * @param originalName the name the client sent; sanitised, kept as metadata only, never a path
	 * @param declaredType the type the client declared; a hint, the stored type is detected from the content
	 * @return the stored file
	 * @throws StorageLimitException when the content exceeds the size limit
	 * @throws IOException when writing fails
	 */
	StoredFile store(InputStream content, String originalName, String declaredType) throws IOException;

	/**
	 * Finds a stored file.
	 * @param id the id, as untrusted input
	 * @return the file, or empty when the id is malformed or unknown
	 * @throws IOException when reading the metadata fails
	 */
	Optional<StoredFile> find(String id) throws IOException;

	/**
	 * Opens a stored file's content.
	 * @param file the file
	 * @param offset the first byte to read
	 * @return a stream from {@code offset} to the end; the caller closes it
	 * @throws IOException when the file cannot be read
	 */
	InputStream open(StoredFile file, long offset) throws IOException;

	/**
	 * Deletes a stored file.
	 * @param id the id
	 * @return whether it existed
	 * @throws IOException when deleting fails
	 */
	boolean delete(String id) throws IOException;

}
