package io.github.hardening.storage.cleanup;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code POST /actuator/storagecleanup} starts a run now, under the cluster lock, optionally as a dry run
 * ({@code {"dryRun": true}}), and returns its report.
 */
@Endpoint(id = "storagecleanup")
public class StorageCleanupEndpoint {

	private final StorageCleaner cleaner;

	/**
	 * Creates the endpoint.
	 * @param cleaner runs the rules
	 */
	public StorageCleanupEndpoint(StorageCleaner cleaner) {
		this.cleaner = cleaner;
	}

	/**
	 * Runs every rule now.
	 * @param dryRun whether to delete nothing and only report what would go
	 * @return the run's report
	 */
	@WriteOperation
	public CleanupRun run(@Nullable Boolean dryRun) {
		return this.cleaner.now(Boolean.TRUE.equals(dryRun));
	}

}
