package io.github.hardening.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/hardening}: every feature, whether it is on, its effective settings and its counters,
 * plus the findings of the startup audit.
 */
@Endpoint(id = "hardening")
public class HardeningEndpoint {

	/** Every feature this starter knows; those without a contributor are reported as switched off. */
	static final List<String> KNOWN_FEATURES = List.of("client-ip", "headers", "https", "cors", "sanitize",
			"rate-limit", "health", "shutdown", "logging", "limits", "resilience", "load-shedding",
			"signed-url", "storage", "storage-cleanup");

	private final HardeningMode mode;

	private final List<HardeningReportContributor> contributors;

	private final StartupAuditor auditor;

	/**
	 * Creates the endpoint.
	 * @param mode the configured mode
	 * @param contributors the enabled features' contributors
	 * @param auditor the startup auditor whose findings are shown
	 */
	public HardeningEndpoint(HardeningMode mode, List<HardeningReportContributor> contributors,
			StartupAuditor auditor) {
		this.mode = mode;
		this.contributors = contributors;
		this.auditor = auditor;
	}

	/**
	 * Returns the whole report.
	 * @return mode, audit findings and one entry per feature
	 */
	@ReadOperation
	public HardeningReport report() {
		Map<String, FeatureReport> features = new TreeMap<>();
		KNOWN_FEATURES.forEach((name) -> features.put(name, FeatureReport.disabled()));
		this.contributors.forEach((contributor) -> features.put(contributor.feature(), masked(contributor.report())));
		return new HardeningReport(this.mode.name().toLowerCase(java.util.Locale.ROOT), this.auditor.findings(),
				new LinkedHashMap<>(features));
	}

	/**
	 * Returns one feature's entry.
	 * @param feature the feature name
	 * @return its report, or {@code null} (404) for an unknown feature
	 */
	@ReadOperation
	public FeatureReport feature(@Selector String feature) {
		return report().features().get(feature);
	}

	private static FeatureReport masked(FeatureReport report) {
		return new FeatureReport(report.enabled(), SettingsMasker.mask(report.settings()), report.counters());
	}

	/**
	 * The endpoint's response.
	 *
	 * @param mode {@code warn} or {@code strict}
	 * @param findings what the startup audit found
	 * @param features one entry per feature
	 */
	public record HardeningReport(String mode, List<AuditFinding> findings, Map<String, FeatureReport> features) {
	}

}
