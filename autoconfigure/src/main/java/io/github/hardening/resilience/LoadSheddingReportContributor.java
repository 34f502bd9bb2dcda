package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code load-shedding} entry of {@code /actuator/hardening}.
 */
public class LoadSheddingReportContributor implements HardeningReportContributor {

	private final LoadSheddingProperties properties;

	private final ConcurrencyLimiter limiter;

	private final HardeningCounter shed;

	/**
	 * Creates the contributor.
	 * @param properties the settings
	 * @param limiter the limiter, for the in-flight count
	 * @param shed the shed counter
	 */
	public LoadSheddingReportContributor(LoadSheddingProperties properties, ConcurrencyLimiter limiter,
			HardeningCounter shed) {
		this.properties = properties;
		this.limiter = limiter;
		this.shed = shed;
	}

	@Override
	public String feature() {
		return "load-shedding";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("limit", "fixed");
		settings.put("max-concurrent-requests", this.limiter.limit());
		settings.put("queue-size", this.properties.getQueueSize());
		settings.put("queue-timeout", this.properties.getQueueTimeout().toString());
		settings.put("retry-after", this.properties.getRetryAfter().toString());
		settings.put("excluded-paths", this.properties.getExcludedPaths());
		Map<String, Object> counters = new LinkedHashMap<>();
		counters.put("shed", (long) this.shed.count());
		counters.put("in-flight", this.limiter.inFlight());
		return new FeatureReport(true, settings, counters);
	}

}
