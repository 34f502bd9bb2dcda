package io.github.hardening.headers;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code headers} entry of {@code /actuator/hardening}: the preset per path, the exact headers of each
 * preset, and the CSP reports received.
 */
class HeadersReportContributor implements HardeningReportContributor {

	private final HeadersProperties properties;

	private final SecurityHeadersMapper mapper;

	private final CspReportCounters reports;

	HeadersReportContributor(HeadersProperties properties, CspReportCounters reports) {
		this.properties = properties;
		this.mapper = new SecurityHeadersMapper(properties);
		this.reports = reports;
	}

	@Override
	public String feature() {
		return "headers";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		Map<String, String> presets = new LinkedHashMap<>();
		this.properties.getPresets().forEach((pattern, preset) -> presets.put(pattern, preset.name().toLowerCase()));
		settings.put("presets", presets);
		settings.put("api", this.mapper.presetHeaders(HeaderPreset.API, this.properties.getApi()).describe());
		settings.put("web", this.mapper.presetHeaders(HeaderPreset.WEB, this.properties.getWeb()).describe());
		settings.put("removed", this.properties.getRemoved());
		settings.put("csp-report-only", this.properties.getCsp().isReportOnly());
		HeadersProperties.ReportEndpoint endpoint = this.properties.getCsp().getReportEndpoint();
		settings.put("csp-report-endpoint", endpoint.isEnabled() ? endpoint.getPath() : "off");
		Map<String, Object> counters = new LinkedHashMap<>();
		counters.put("csp-reports", this.reports.snapshot());
		return new FeatureReport(true, settings, counters);
	}

}
