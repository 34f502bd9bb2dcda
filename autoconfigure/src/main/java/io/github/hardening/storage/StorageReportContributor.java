package io.github.hardening.storage;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code storage} entry of {@code /actuator/hardening}: where files are kept, the limits, and what was
 * stored, refused and served.
 */
class StorageReportContributor implements HardeningReportContributor {

	private final StorageProperties properties;

	private final FileStorage storage;

	private final StorageCounters counters;

	StorageReportContributor(StorageProperties properties, FileStorage storage, StorageCounters counters) {
		this.properties = properties;
		this.storage = storage;
		this.counters = counters;
	}

	@Override
	public String feature() {
		return "storage";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("implementation", this.storage.getClass().getSimpleName());
		settings.put("root", (this.storage instanceof LocalFileStorage local) ? local.root().toString() : "-");
		settings.put("max-file-size", String.valueOf(this.properties.getMaxFileSize()));
		settings.put("inline-types", this.properties.getInlineTypes());
		return new FeatureReport(true, settings, this.counters.snapshot());
	}

}
