package io.github.hardening.ratelimit;

/**
 * Records how long the rate-limit store took to answer; a Micrometer timer when Micrometer is present.
 */
@FunctionalInterface
public interface StoreLatency {

	/** Records nothing. */
	StoreLatency NONE = (nanos, failed) -> {
	};

	/**
	 * Records one store call.
	 * @param nanos how long it took
	 * @param failed whether it failed (timed out, refused, errored)
	 */
	void record(long nanos, boolean failed);

}
