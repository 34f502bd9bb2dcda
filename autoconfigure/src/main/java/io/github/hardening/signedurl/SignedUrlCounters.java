package io.github.hardening.signedurl;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * The counters of {@code hardening.signed-url.verifications}, one per outcome, created at startup.
 */
public class SignedUrlCounters {

	/** Name of the meter. */
	public static final String VERIFICATIONS = "hardening.signed-url.verifications";

	private final Map<SignedUrlOutcome, HardeningCounter> counters = new EnumMap<>(SignedUrlOutcome.class);

	/**
	 * Creates the counters.
	 * @param metrics where they are registered
	 */
	public SignedUrlCounters(HardeningMetrics metrics) {
		for (SignedUrlOutcome outcome : SignedUrlOutcome.values()) {
			this.counters.put(outcome, metrics.counter(VERIFICATIONS, "Signed URL verifications by outcome",
					"outcome", outcome.tag()));
		}
	}

	void increment(SignedUrlOutcome outcome) {
		this.counters.get(outcome).increment();
	}

	Map<String, Object> snapshot() {
		Map<String, Object> result = new LinkedHashMap<>();
		this.counters.forEach((outcome, counter) -> result.put(outcome.tag(), (long) counter.count()));
		return result;
	}

}
