package io.github.hardening.health;

import java.util.function.DoubleSupplier;

/**
 * One monitored resource: how to read it, its threshold, and whether pressure means above or below it.
 *
 * @param name the resource, e.g. {@code heap-after-gc}
 * @param reading reads the current value
 * @param threshold the threshold
 * @param below whether pressure means falling below the threshold (free space) instead of rising above it
 */
public record ResourceLimit(String name, DoubleSupplier reading, double threshold, boolean below) {

	/**
	 * Tells whether a value is past the threshold; NaN (not available) never is.
	 * @param value the sampled value
	 * @return whether it means pressure
	 */
	public boolean isPressure(double value) {
		if (Double.isNaN(value)) {
			return false;
		}
		return this.below ? value < this.threshold : value > this.threshold;
	}

}
