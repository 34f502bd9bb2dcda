package io.github.hardening.core;

/**
 * A monotonically increasing count that a feature exports as a metric and shows in its report.
 */
public interface HardeningCounter {

	/** Adds one. */
	void increment();

	/**
	 * Returns the count so far.
	 * @return the count
	 */
	double count();

}
