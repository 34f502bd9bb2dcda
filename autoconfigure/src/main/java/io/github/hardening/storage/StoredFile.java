package io.github.hardening.storage;

import java.time.Instant;

/**
 * A stored file's metadata; the client never chooses its id or its location.
 *
 * @param id random id, the only handle clients get
 * @param filename the sanitised original name, used for {@code Content-Disposition}
 * @param contentType the type detected from the content at upload, served as {@code Content-Type}
 * @param size length in bytes
 * @param created when it was stored, served as {@code Last-Modified}
 */
public record StoredFile(String id, String filename, String contentType, long size, Instant created) {

	/**
	 * Returns the strong entity tag: a stored file never changes, so its id identifies its bytes.
	 * @return the quoted ETag
	 */
	public String etag() {
		return "\"" + this.id + "\"";
	}

}
