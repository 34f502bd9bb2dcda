package io.github.hardening.core;

/**
 * A monotonically increasing count that a feature exports as a metric and shows in its report.
 */
public interface HardeningCounter {

	/** Adds one. */
	void increment();

	/**
	 * Adds an amount, e.g. a number of bytes.
	 * @param amount what to add, not negative
	 */
	default void increment(long amount) {
		for (long i = 0; i < amount; i++) {
			increment();
		}
	}

	/**
	 * Returns the count so far.
	 * @return the count
	 */
	double count();

}
