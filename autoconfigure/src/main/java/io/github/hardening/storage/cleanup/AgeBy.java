package io.github.hardening.storage.cleanup;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which file time counts as a file's age.
 */
public enum AgeBy {

	/** Last modification time, the safe default: a file being written keeps getting younger. */
	MODIFIED,

	/** Last access time; many file systems mount with relatime or noatime, so check before relying on it. */
	ACCESSED,

	/** Creation time, where the file system records it (else the modification time). */
	CREATED;

	FileTime of(BasicFileAttributes attributes) {
		return switch (this) {
			case MODIFIED -> attributes.lastModifiedTime();
			case ACCESSED -> attributes.lastAccessTime();
			case CREATED -> attributes.creationTime();
		};
	}

}
