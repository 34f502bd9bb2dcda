package io.github.hardening.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code client-ip} entry of {@code /actuator/hardening}.
 */
class ClientIpReportContributor implements HardeningReportContributor {

	private final ClientAddressResolver resolver;

	private final ClientIpProperties properties;

	ClientIpReportContributor(ClientAddressResolver resolver, ClientIpProperties properties) {
		this.resolver = resolver;
		this.properties = properties;
	}

	@Override
	public String feature() {
		return "client-ip";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("trusted-proxies", this.resolver.trustedProxies().ranges());
		settings.put("use-forwarded-header", this.properties.isUseForwardedHeader());
		settings.put("wrap-request", this.properties.isWrapRequest());
		return new FeatureReport(true, settings, Map.of());
	}

}
