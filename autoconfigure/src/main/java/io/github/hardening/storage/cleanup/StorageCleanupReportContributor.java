package io.github.hardening.storage.cleanup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code storage-cleanup} entry of {@code /actuator/hardening}: the schedule, the lock, each rule with
 * its last run report, and the counters.
 */
class StorageCleanupReportContributor implements HardeningReportContributor {

	private final StorageCleaner cleaner;

	private final StorageCleanupProperties properties;

	private final String lockKind;

	StorageCleanupReportContributor(StorageCleaner cleaner, StorageCleanupProperties properties, String lockKind) {
		this.cleaner = cleaner;
		this.properties = properties;
		this.lockKind = lockKind;
	}

	@Override
	public String feature() {
		return "storage-cleanup";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("schedule", (this.properties.getCron() != null && !this.properties.getCron().isBlank())
				? "cron " + this.properties.getCron() : "every " + this.properties.getInterval());
		settings.put("initial-delay", this.properties.getInitialDelay().toString());
		settings.put("max-run-time", this.properties.getMaxRunTime().toString());
		settings.put("dry-run", this.properties.isDryRun());
		settings.put("lock", this.lockKind);
		List<Map<String, Object>> rules = new ArrayList<>();
		for (CleanupRule rule : this.cleaner.rules()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", rule.name());
			entry.put("path", rule.folder().toString());
			entry.put("max-age", rule.retention().maxAge().toString());
			entry.put("age-by", rule.selection().ageBy().name().toLowerCase(java.util.Locale.ROOT));
			entry.put("include", rule.selection().include());
			entry.put("exclude", rule.selection().exclude());
			entry.put("min-depth", rule.selection().minDepth());
			entry.put("max-total-size", (rule.retention().maxTotalSize() >= 0) ? rule.retention().maxTotalSize() : "none");
			entry.put("free-space-threshold", (rule.retention().freeSpaceThreshold() != null)
					? rule.retention().freeSpaceThreshold().toString() : "none");
			entry.put("pressure-max-age", rule.retention().pressureMaxAge().toString());
			CleanupReport last = this.cleaner.lastReports().get(rule.name());
			entry.put("last-run", (last != null) ? last : "none yet");
			rules.add(entry);
		}
		settings.put("rules", rules);
		Map<String, Object> counters = this.cleaner.metrics().counters();
		CleanupRun last = this.cleaner.lastRun();
		if (last != null) {
			counters.put("last-outcome", last.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
			counters.put("last-started-at", last.startedAt().toString());
		}
		return new FeatureReport(true, settings, counters);
	}

}
