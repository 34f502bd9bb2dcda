package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code resilience} entry of {@code /actuator/hardening}: defaults, each client's effective settings and
 * breaker state.
 */
public class ResilienceReportContributor implements HardeningReportContributor {

	private final ClientSettings defaults;

	private final ClientPipelines pipelines;

	/**
	 * Creates the contributor.
	 * @param defaults the effective defaults
	 * @param pipelines the pipelines
	 */
	public ResilienceReportContributor(ClientSettings defaults, ClientPipelines pipelines) {
		this.defaults = defaults;
		this.pipelines = pipelines;
	}

	@Override
	public String feature() {
		return "resilience";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("defaults", describe(this.defaults));
		Map<String, Object> clients = new LinkedHashMap<>();
		this.pipelines.clients().forEach((name, pipeline) -> clients.put(name, describe(pipeline)));
		settings.put("clients", clients);
		Map<String, Object> hosts = new LinkedHashMap<>();
		this.pipelines.unmatchedHosts().forEach((host, pipeline) -> hosts.put(host, pipeline.breaker().getState().name()));
		settings.put("unmatched-hosts", hosts);
		Map<String, Object> counters = new LinkedHashMap<>();
		this.pipelines.clients().forEach((name, pipeline) -> counters.put(name, pipeline.counts()));
		this.pipelines.unmatchedHosts().forEach((host, pipeline) -> counters.put(host, pipeline.counts()));
		return new FeatureReport(true, settings, counters);
	}

	private static Map<String, Object> describe(ClientPipeline pipeline) {
		Map<String, Object> description = describe(pipeline.settings());
		description.put("breaker-state", pipeline.breaker().getState().name());
		return description;
	}

	private static Map<String, Object> describe(ClientSettings settings) {
		Map<String, Object> description = new LinkedHashMap<>();
		if (!settings.hosts().isEmpty()) {
			description.put("hosts", settings.hosts());
		}
		description.put("enabled", settings.enabled());
		description.put("critical", settings.critical());
		description.put("total-timeout", settings.totalTimeout().toString());
		description.put("attempt-timeout", settings.attemptTimeout().toString());
		description.put("max-attempts", settings.retry().enabled() ? settings.retry().maxAttempts() : 1);
		description.put("retry-budget-ratio", settings.retry().budgetRatio());
		description.put("failure-rate-threshold", settings.breaker().failureRateThreshold());
		description.put("wait-in-open", settings.breaker().waitInOpen().toString());
		description.put("max-concurrent-calls", settings.maxConcurrentCalls());
		return description;
	}

}
