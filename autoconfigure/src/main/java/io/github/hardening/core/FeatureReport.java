package io.github.hardening.core;

import java.util.Map;

/**
 * What one feature reports in {@code /actuator/hardening}.
 *
 * @param enabled whether the feature is active
 * @param settings effective settings, secrets masked
 * @param counters what the feature counted since startup
 */
public record FeatureReport(boolean enabled, Map<String, Object> settings, Map<String, Object> counters) {

	/**
	 * The report of a feature that is switched off.
	 * @return a disabled report with no settings or counters
	 */
	public static FeatureReport disabled() {
		return new FeatureReport(false, Map.of(), Map.of());
	}

}
