package io.github.hardening.cors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code cors} entry of {@code /actuator/hardening}: the effective global policy, every mapping with
 * what it inherits filled in, and the rejection counts.
 */
public class CorsReportContributor implements HardeningReportContributor {

	private final CorsPolicies policies;

	private final CorsRejectionCounters counters;

	/**
	 * Creates the contributor.
	 * @param policies the validated policies
	 * @param counters the rejection counters
	 */
	public CorsReportContributor(CorsPolicies policies, CorsRejectionCounters counters) {
		this.policies = policies;
		this.counters = counters;
	}

	@Override
	public String feature() {
		return "cors";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		List<CorsPolicySettings> all = this.policies.settings();
		CorsPolicySettings global = all.get(all.size() - 1);
		settings.putAll(describe(global));
		settings.put("mappings", all.subList(0, all.size() - 1).stream().map(CorsReportContributor::describe).toList());
		return new FeatureReport(true, settings, Map.of("rejected", this.counters.counts()));
	}

	private static Map<String, Object> describe(CorsPolicySettings policy) {
		Map<String, Object> description = new LinkedHashMap<>();
		if (!policy.isGlobal()) {
			description.put("paths", policy.paths());
		}
		description.put("allowed-origins", policy.allowedOrigins());
		description.put("allowed-origin-patterns", policy.allowedOriginPatterns());
		description.put("allowed-methods", policy.allowedMethods());
		description.put("allowed-headers", policy.allowedHeaders());
		description.put("exposed-headers", policy.exposedHeaders());
		description.put("allow-credentials", policy.allowCredentials());
		description.put("max-age", (policy.maxAge() != null) ? policy.maxAge().toString() : null);
		description.put("allow-null-origin", policy.allowNullOrigin());
		return description;
	}

}
