package io.github.hardening.core;

import org.springframework.context.ApplicationEvent;

/**
 * A monitored resource crossed its threshold, in either direction: heap after GC, process CPU, system load,
 * open files, live threads, or the free space of a storage folder. Published once per crossing, not per
 * sample; the storage cleanup listens for disk pressure to clean up early.
 */
public class ResourcePressureEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String resource;

	private final double value;

	private final double threshold;

	private final boolean underPressure;

	/**
	 * Creates the event.
	 * @param source the monitor that published it
	 * @param resource what crossed, e.g. {@code heap-after-gc} or {@code disk-free:/var/lib/app}
	 * @param value the sampled value
	 * @param threshold the threshold it crossed
	 * @param underPressure {@code true} when the resource went past the threshold, {@code false} when it recovered
	 */
	public ResourcePressureEvent(Object source, String resource, double value, double threshold,
			boolean underPressure) {
		super(source);
		this.resource = resource;
		this.value = value;
		this.threshold = threshold;
		this.underPressure = underPressure;
	}

	/**
	 * Returns what crossed its threshold.
	 * @return the resource name; disk resources are {@code disk-free:<folder>}
	 */
	public String getResource() {
		return this.resource;
	}

	/**
	 * Returns the sampled value, in the unit of the threshold (percent, load per CPU, count).
	 * @return the value
	 */
	public double getValue() {
		return this.value;
	}

	/**
	 * Returns the threshold.
	 * @return the threshold
	 */
	public double getThreshold() {
		return this.threshold;
	}

	/**
	 * Tells whether the resource is now under pressure (else it recovered).
	 * @return whether under pressure
	 */
	public boolean isUnderPressure() {
		return this.underPressure;
	}

	/**
	 * Tells whether this is about the free space of a storage folder.
	 * @return whether the resource is a disk
	 */
	public boolean isDisk() {
		return this.resource.startsWith("disk-free:");
	}

}
