package io.github.hardening.signedurl;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code signed-url} entry of {@code /actuator/hardening}; key ids only, never secrets.
 */
class SignedUrlReportContributor implements HardeningReportContributor {

	private final SignedUrlProperties properties;

	private final SigningKeys keys;

	private final SignedUrlCounters counters;

	SignedUrlReportContributor(SignedUrlProperties properties, SigningKeys keys, SignedUrlCounters counters) {
		this.properties = properties;
		this.keys = keys;
		this.counters = counters;
	}

	@Override
	public String feature() {
		return "signed-url";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("key-ids", this.keys.ids());
		settings.put("signing-key-id", this.keys.signingKeyId());
		settings.put("ephemeral-key", this.keys.isEphemeral());
		settings.put("default-ttl", String.valueOf(this.properties.getDefaultTtl()));
		settings.put("max-ttl", String.valueOf(this.properties.getMaxTtl()));
		settings.put("clock-skew", String.valueOf(this.properties.getClockSkew()));
		settings.put("protected-paths", this.properties.getProtectedPaths());
		settings.put("single-use-paths", this.properties.getSingleUsePaths());
		settings.put("store", this.properties.getStore().name().toLowerCase(java.util.Locale.ROOT));
		return new FeatureReport(true, settings, this.counters.snapshot());
	}

}
