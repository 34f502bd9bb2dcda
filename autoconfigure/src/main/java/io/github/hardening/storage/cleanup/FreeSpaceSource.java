package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells how much space a folder's file store has; injectable so that disk pressure can be tested.
 */
public interface FreeSpaceSource {

	/** The real file stores. */
	FreeSpaceSource FILE_STORES = new FreeSpaceSource() {

		@Override
		public long usableBytes(Path folder) throws IOException {
			return Files.getFileStore(folder).getUsableSpace();
		}

		@Override
		public long totalBytes(Path folder) throws IOException {
			FileStore store = Files.getFileStore(folder);
			return store.getTotalSpace();
		}

	};

	/**
	 * Returns the bytes an unprivileged process can still write on the folder's store.
	 * @param folder the folder
	 * @return usable bytes
	 * @throws IOException when the store cannot be read
	 */
	long usableBytes(Path folder) throws IOException;

	/**
	 * Returns the size of the folder's store.
	 * @param folder the folder
	 * @return total bytes
	 * @throws IOException when the store cannot be read
	 */
	long totalBytes(Path folder) throws IOException;

}
