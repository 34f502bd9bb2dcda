package io.github.hardening.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.hardening.core.ReadinessResult;
import io.github.hardening.core.ReadinessCheck;

/**
 * Ready when every storage folder exists, is a writable directory (a real file is created and deleted, as a
 * read-only mount still reports writable permissions) and has at least the minimum free space.
 */
public class StorageReadinessCheck implements ReadinessCheck {

	private final List<Path> folders;

	private final long minFreeBytes;

	/**
	 * Creates the check.
	 * @param folders the storage folders
	 * @param minFreeBytes free space below which a folder is not ready
	 */
	public StorageReadinessCheck(List<Path> folders, long minFreeBytes) {
		this.folders = List.copyOf(folders);
		this.minFreeBytes = minFreeBytes;
	}

	@Override
	public ReadinessResult check() {
		Map<String, Object> details = new LinkedHashMap<>();
		for (Path folder : this.folders) {
			String problem = problem(folder);
			if (problem != null) {
				return ReadinessResult.notReady(folder + ": " + problem);
			}
			details.put(folder.toString(), "ok");
		}
		return ReadinessResult.ready(details);
	}

	private String problem(Path folder) {
		if (!Files.isDirectory(folder)) {
			return "does not exist or is not a directory";
		}
		try {
			Path probe = Files.createTempFile(folder, ".readiness-", ".tmp");
			Files.delete(probe);
			long free = Files.getFileStore(folder).getUsableSpace();
			if (free < this.minFreeBytes) {
				return "only " + free + " bytes free, below hardening.health.storage.min-free-space ("
						+ this.minFreeBytes + " bytes)";
			}
			return null;
		}
		catch (IOException | SecurityException ex) {
			return "not writable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	@Override
	public String name() {
		return "storage";
	}

}
