package io.github.hardening.cors;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * The {@code hardening.cors.rejected} counters, one per {@link CorsRejection} reason, created once at startup.
 */
public class CorsRejectionCounters {

	/** Name of the metric. */
	public static final String METRIC = "hardening.cors.rejected";

	private final Map<CorsRejection, HardeningCounter> counters = new EnumMap<>(CorsRejection.class);

	/**
	 * Creates the counters.
	 * @param metrics where the counters are registered
	 */
	public CorsRejectionCounters(HardeningMetrics metrics) {
		for (CorsRejection reason : CorsRejection.values()) {
			this.counters.put(reason, metrics.counter(METRIC,
					"Cross-origin requests refused, by what was not allowed", "reason", reason.tag()));
		}
	}

	/**
	 * Counts one rejection.
	 * @param reason what was not allowed
	 */
	public void increment(CorsRejection reason) {
		this.counters.get(reason).increment();
	}

	/**
	 * Returns the counts so far, by reason tag.
	 * @return e.g. {@code {origin=3, method=0, headers=1}}
	 */
	public Map<String, Object> counts() {
		Map<String, Object> counts = new LinkedHashMap<>();
		this.counters.forEach((reason, counter) -> counts.put(reason.tag(), (long) counter.count()));
		return counts;
	}

}
