package io.github.hardening.headers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * Counts CSP violation reports per directive ({@code hardening.headers.csp.reports{directive}}). Only known
 * directive names become tag values, so a hostile reporter cannot create unbounded series.
 */
public class CspReportCounters {

	static final List<String> DIRECTIVES = List.of("default-src", "script-src", "script-src-elem",
			"script-src-attr", "style-src", "style-src-elem", "style-src-attr", "img-src", "font-src",
			"connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src",
			"base-uri", "form-action", "frame-ancestors", "navigate-to", "require-trusted-types-for", "trusted-types");

	private static final String OTHER = "other";

	private final Map<String, HardeningCounter> counters = new LinkedHashMap<>();

	/**
	 * Creates the counters.
	 * @param metrics where they are registered
	 */
	public CspReportCounters(HardeningMetrics metrics) {
		for (String directive : DIRECTIVES) {
			this.counters.put(directive, metrics.counter("hardening.headers.csp.reports",
					"CSP violation reports received", "directive", directive));
		}
		this.counters.put(OTHER, metrics.counter("hardening.headers.csp.reports", "CSP violation reports received",
				"directive", OTHER));
	}

	/**
	 * Counts one report.
	 * @param directive the violated directive as reported
	 * @return the tag value it was counted under
	 */
	public String increment(String directive) {
		String key = directive.toLowerCase(Locale.ROOT);
		HardeningCounter counter = this.counters.get(key);
		if (counter == null) {
			key = OTHER;
			counter = this.counters.get(OTHER);
		}
		counter.increment();
		return key;
	}

	/**
	 * Returns the counts that are not zero.
	 * @return directive to count
	 */
	public Map<String, Object> snapshot() {
		Map<String, Object> result = new LinkedHashMap<>();
		this.counters.forEach((directive, counter) -> {
			if (counter.count() > 0) {
				result.put(directive, (long) counter.count());
			}
		});
		return result;
	}

}
