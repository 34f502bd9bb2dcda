package io.github.hardening.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code rate-limit} entry of {@code /actuator/hardening}: settings, policies, store state and counts.
 */
public class RateLimitReportContributor implements HardeningReportContributor {

	private final RateLimitProperties properties;

	private final RateLimitRules rules;

	private final RateLimitStore store;

	private final RateLimitCounters counters;

	private final PenaltyBox penaltyBox;

	/**
	 * Creates the contributor.
	 * @param properties the settings
	 * @param rules the validated policies
	 * @param store the store
	 * @param counters the request counters
	 * @param penaltyBox the bans
	 */
	public RateLimitReportContributor(RateLimitProperties properties, RateLimitRules rules, RateLimitStore store,
			RateLimitCounters counters, PenaltyBox penaltyBox) {
		this.properties = properties;
		this.rules = rules;
		this.store = store;
		this.counters = counters;
		this.penaltyBox = penaltyBox;
	}

	@Override
	public String feature() {
		return "rate-limit";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("store", this.store.describe());
		settings.put("failure-mode", this.properties.getFailureMode().name().toLowerCase(java.util.Locale.ROOT));
		settings.put("headers", this.properties.isHeaders());
		settings.put("legacy-headers", this.properties.isLegacyHeaders());
		settings.put("excluded-paths", this.properties.getExcludedPaths());
		settings.put("allow-list", this.properties.getAllowList());
		settings.put("deny-list", this.properties.getDenyList());
		settings.put("policies", this.rules.describePolicies());
		RateLimitProperties.Ban ban = this.properties.getBan();
		settings.put("ban", ban.isEnabled() ? Map.of("threshold", ban.getThreshold(), "window",
				ban.getWindow().toString(), "duration", ban.getDuration().toString()) : false);
		Map<String, Object> counters = new LinkedHashMap<>();
		counters.put("requests", this.counters.counts());
		counters.put("active-bans", activeBans());
		return new FeatureReport(true, settings, counters);
	}

	private Object activeBans() {
		try {
			Map<String, Object> bans = new LinkedHashMap<>();
			this.penaltyBox.activeBans(100).forEach((key, left) -> bans.put(key, left.toSeconds() + "s"));
			return bans;
		}
		catch (RateLimitStoreException ex) {
			return "unavailable: " + ex.getMessage();
		}
	}

}
