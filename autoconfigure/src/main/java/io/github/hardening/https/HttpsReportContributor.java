package io.github.hardening.https;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code https} entry of {@code /actuator/hardening}.
 */
class HttpsReportContributor implements HardeningReportContributor {

	private final HttpsProperties.Redirect redirect;

	private final HardeningCounter redirects;

	HttpsReportContributor(HttpsProperties.Redirect redirect, HardeningCounter redirects) {
		this.redirect = redirect;
		this.redirects = redirects;
	}

	@Override
	public String feature() {
		return "https";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("redirect", this.redirect.isEnabled());
		settings.put("status", this.redirect.getStatus());
		settings.put("port", this.redirect.getPort());
		settings.put("host", (this.redirect.getHost() != null) ? this.redirect.getHost() : "(as requested)");
		settings.put("excluded-paths", this.redirect.getExcludedPaths());
		return new FeatureReport(true, settings, Map.of("redirects", (long) this.redirects.count()));
	}

}
