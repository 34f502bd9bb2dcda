package io.github.hardening.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code logging} entry of {@code /actuator/hardening}.
 */
class LoggingReportContributor implements HardeningReportContributor {

	private final LoggingProperties properties;

	private final HardeningCounter lines;

	LoggingReportContributor(LoggingProperties properties, HardeningCounter lines) {
		this.properties = properties;
		this.lines = lines;
	}

	@Override
	public String feature() {
		return "logging";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("format", this.properties.getFormat().name().toLowerCase(java.util.Locale.ROOT));
		settings.put("request-fields", this.properties.isRequestFields());
		settings.put("access-log", this.properties.getAccessLog().isEnabled());
		settings.put("masked-keys", LogMasking.DEFAULT_KEYS.size() + this.properties.getMasking().getKeys().size());
		settings.put("masked-patterns",
				LogMasking.DEFAULT_PATTERNS.size() + this.properties.getMasking().getPatterns().size());
		return new FeatureReport(true, settings, Map.of("access-log-lines", (long) this.lines.count()));
	}

}
