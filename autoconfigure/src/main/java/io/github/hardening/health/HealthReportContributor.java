package io.github.hardening.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code health} entry of {@code /actuator/hardening}.
 */
class HealthReportContributor implements HardeningReportContributor {

	private final HealthProperties properties;

	private final ReadinessRunner runner;

	private final HardeningCounter failures;

	HealthReportContributor(HealthProperties properties, ReadinessRunner runner, HardeningCounter failures) {
		this.properties = properties;
		this.runner = runner;
		this.failures = failures;
	}

	@Override
	public String feature() {
		return "health";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("readiness-checks", this.runner.names());
		settings.put("readiness-timeout", this.properties.getReadiness().getTimeout().toString());
		settings.put("storage-folders", this.properties.getStorage().getFolders().stream().map(String::valueOf).toList());
		settings.put("min-free-space", this.properties.getStorage().getMinFreeSpace().toString());
		settings.put("resource-monitor", this.properties.getResources().isEnabled());
		return new FeatureReport(true, settings, Map.of("readiness-failures", (long) this.failures.count()));
	}

}
