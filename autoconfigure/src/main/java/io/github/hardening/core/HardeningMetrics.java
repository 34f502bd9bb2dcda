package io.github.hardening.core;

/**
 * Creates the counters of every feature: Micrometer meters when a {@code MeterRegistry} exists, plain
 * in-memory counts otherwise, so features never depend on Micrometer directly.
 */
public interface HardeningMetrics {

	/**
	 * Returns the counter with this name and these tags, creating it on first use. Call it once at
	 * startup per tag combination, not per request.
	 * @param name dotted meter name, {@code hardening.<feature>.<what>}
	 * @param description one-line description
	 * @param tags alternating tag keys and values
	 * @return the counter
	 */
	HardeningCounter counter(String name, String description, String... tags);

}
