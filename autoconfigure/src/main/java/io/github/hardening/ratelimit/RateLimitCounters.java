package io.github.hardening.ratelimit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * The {@code hardening.rate-limit.requests{policy, outcome}} counters, created once at startup.
 */
public class RateLimitCounters {

	/** Metric name. */
	public static final String REQUESTS = "hardening.rate-limit.requests";

	/** Policy tag of requests refused by the deny list, before any policy. */
	public static final String DENY_LIST = "deny-list";

	static final List<String> OUTCOMES = List.of("allowed", "rejected", "banned", "store_error", "denied");

	private final Map<String, Map<String, HardeningCounter>> counters = new HashMap<>();

	/**
	 * Creates the counters of every policy and outcome.
	 * @param metrics creates the counters
	 * @param rules the policies
	 */
	public RateLimitCounters(HardeningMetrics metrics, RateLimitRules rules) {
		for (RateLimitPolicy policy : rules.policies()) {
			register(metrics, policy.name());
		}
		register(metrics, DENY_LIST);
	}

	private void register(HardeningMetrics metrics, String policy) {
		Map<String, HardeningCounter> byOutcome = new LinkedHashMap<>();
		for (String outcome : OUTCOMES) {
			byOutcome.put(outcome, metrics.counter(REQUESTS, "Requests checked by a rate-limit policy, by outcome",
					"policy", policy, "outcome", outcome));
		}
		this.counters.put(policy, byOutcome);
	}

	void increment(String policy, String outcome) {
		Map<String, HardeningCounter> byOutcome = this.counters.get(policy);
		if (byOutcome != null) {
			byOutcome.get(outcome).increment();
		}
	}

	/**
	 * Returns the non-zero counts, by policy and outcome.
	 * @return counts for the report
	 */
	public Map<String, Map<String, Long>> counts() {
		Map<String, Map<String, Long>> result = new LinkedHashMap<>();
		this.counters.forEach((policy, byOutcome) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			byOutcome.forEach((outcome, counter) -> {
				if (counter.count() > 0) {
					counts.put(outcome, (long) counter.count());
				}
			});
			if (!counts.isEmpty()) {
				result.put(policy, counts);
			}
		});
		return result;
	}

}
