package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code sanitize} entry of {@code /actuator/hardening}: text mode and form, where it applies, the
 * HTML policies, and how many values were normalised or refused.
 */
public class SanitizeReportContributor implements HardeningReportContributor {

	private final SanitizeProperties properties;

	private final Map<String, HardeningCounter> counters;

	private final Iterable<String> htmlPolicies;

	private final SuspiciousInputFindings findings;

	/**
	 * Creates the contributor.
	 * @param properties the settings
	 * @param counters the counters by report name
	 * @param htmlPolicies names of the HTML policies
	 * @param findings the suspicious-input counts
	 */
	public SanitizeReportContributor(SanitizeProperties properties, Map<String, HardeningCounter> counters,
			Iterable<String> htmlPolicies, SuspiciousInputFindings findings) {
		this.properties = properties;
		this.counters = counters;
		this.htmlPolicies = htmlPolicies;
		this.findings = findings;
	}

	@Override
	public String feature() {
		return "sanitize";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		SanitizeProperties.Text text = this.properties.getText();
		settings.put("text-mode", text.getMode().name().toLowerCase(java.util.Locale.ROOT));
		settings.put("text-form", text.getForm().name().toLowerCase(java.util.Locale.ROOT));
		settings.put("json", text.isJson());
		settings.put("parameters", text.isParameters());
		settings.put("malformed-encoding-refused", MalformedInputConfiguration.isOn(this.properties));
		java.util.List<String> policies = new java.util.ArrayList<>();
		this.htmlPolicies.forEach(policies::add);
		settings.put("html-policies", policies);
		SanitizeProperties.Detector detector = this.properties.getDetector();
		settings.put("detector-mode", detector.getMode().name().toLowerCase(java.util.Locale.ROOT));
		Map<String, String> paths = new LinkedHashMap<>();
		detector.getPaths().forEach((path, mode) -> paths.put(path, mode.name().toLowerCase(java.util.Locale.ROOT)));
		settings.put("detector-paths", paths);
		Map<String, Object> counts = new LinkedHashMap<>();
		this.counters.forEach((name, counter) -> counts.put(name, (long) counter.count()));
		counts.put("suspicious", this.findings.counts());
		return new FeatureReport(true, settings, counts);
	}

}
