package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code limits} entry of {@code /actuator/hardening}: body and JSON limits, the effective server
 * settings the hardened defaults cover, and how many requests were refused.
 */
public class LimitsReportContributor implements HardeningReportContributor {

	private final LimitsProperties properties;

	private final LimitsCounters counters;

	private final Environment environment;

	/**
	 * Creates the contributor.
	 * @param properties the settings
	 * @param counters the rejection counters
	 * @param environment where the effective server settings are read
	 */
	public LimitsReportContributor(LimitsProperties properties, LimitsCounters counters, Environment environment) {
		this.properties = properties;
		this.counters = counters;
		this.environment = environment;
	}

	@Override
	public String feature() {
		return "limits";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("max-body-size", String.valueOf(this.properties.getMaxBodySize()));
		LimitsProperties.Json json = this.properties.getJson();
		settings.put("json.max-nesting-depth", json.getMaxNestingDepth());
		settings.put("json.max-string-length", json.getMaxStringLength());
		settings.put("json.max-number-length", json.getMaxNumberLength());
		settings.put("json.max-name-length", json.getMaxNameLength());
		settings.put("json.max-document-length",
				(json.getMaxDocumentLength() != null) ? json.getMaxDocumentLength().toString() : "unlimited");
		settings.put("json.max-token-count",
				(json.getMaxTokenCount() != null) ? json.getMaxTokenCount() : "unlimited");
		LimitsProperties.Multipart multipart = this.properties.getMultipart();
		settings.put("multipart.enabled", multipart.isEnabled());
		settings.put("multipart.allowed-extensions", multipart.getAllowedExtensions());
		settings.put("multipart.allowed-types", multipart.getAllowedTypes());
		settings.put("server-defaults", this.properties.isServerDefaults());
		for (String key : ServerDefaultsEnvironmentPostProcessor.DEFAULTS.keySet()) {
			settings.put(key, this.environment.getProperty(key, "(server default)"));
		}
		return new FeatureReport(true, settings, this.counters.counts());
	}

}
