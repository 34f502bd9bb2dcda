package io.github.hardening.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.github.hardening.storage.cleanup.CleanupRun;
import io.github.hardening.storage.cleanup.StorageCleaner;

/**
 * Shows the storage cleanup at work: puts a two-day-old file and a fresh one into the sample's scratch
 * folder, runs the cleanup now (optionally as a dry run) and returns its report; the old file goes, the
 * fresh one stays.
 */
@RestController
class StorageCleanupController {

	private final ObjectProvider<StorageCleaner> cleaner;

	private final Path folder;

	StorageCleanupController(ObjectProvider<StorageCleaner> cleaner, @Value("${sample.cleanup-folder}") Path folder) {
		this.cleaner = cleaner;
		this.folder = folder;
	}

	@PostMapping("/api/storage-cleanup/demo")
	CleanupRun demo(@RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		StorageCleaner available = this.cleaner.getIfAvailable();
		if (available == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The storage cleanup is switched off");
		}
		Files.createDirectories(this.folder);
		Path old = Files.writeString(this.folder.resolve("demo-old.txt"), "written two days ago");
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		Files.writeString(this.folder.resolve("demo-new.txt"), "written just now");
		return available.now(dryRun);
	}

}
