package io.github.hardening.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hardening.core.ResourcePressureEvent;

/**
 * Samples every {@link ResourceLimit} and remembers which are past their threshold. A crossing, in either
 * direction, is logged once and published once as a {@link ResourcePressureEvent}; staying past the threshold
 * logs nothing more, so a long incident cannot flood the log.
 */
public class ResourceMonitor {

	private static final Log logger = LogFactory.getLog(ResourceMonitor.class);

	private final List<ResourceLimit> limits;

	private final Consumer<ResourcePressureEvent> publisher;

	private final Consumer<String> onPressure;

	private final Map<String, Double> values = new ConcurrentHashMap<>();

	private final Map<String, Boolean> pressure = new ConcurrentHashMap<>();

	/**
	 * Creates the monitor.
	 * @param limits the monitored resources
	 * @param publisher publishes the crossing events
	 * @param onPressure told the name of each resource that went under pressure (e.g. to count it)
	 */
	public ResourceMonitor(List<ResourceLimit> limits, Consumer<ResourcePressureEvent> publisher,
			Consumer<String> onPressure) {
		this.limits = List.copyOf(limits);
		this.publisher = publisher;
		this.onPressure = onPressure;
	}

	/**
	 * Samples every resource once, logging and publishing the crossings.
	 */
	public synchronized void sample() {
		for (ResourceLimit limit : this.limits) {
			double value;
			try {
				value = limit.reading().getAsDouble();
			}
			catch (RuntimeException ex) {
				value = Double.NaN;
			}
			this.values.put(limit.name(), value);
			boolean now = limit.isPressure(value);
			Boolean before = this.pressure.put(limit.name(), now);
			if (now != Boolean.TRUE.equals(before) && (before != null || now)) {
				crossed(limit, value, now);
			}
		}
	}

	private void crossed(ResourceLimit limit, double value, boolean now) {
		String figures = String.format(java.util.Locale.ROOT, "%s is %.1f, threshold %s %.1f", limit.name(), value,
				limit.below() ? "below" : "above", limit.threshold());
		if (now) {
			logger.warn("Resource pressure: " + figures + "; health is DEGRADED until it recovers");
			this.onPressure.accept(limit.name());
		}
		else {
			logger.info("Resource recovered: " + figures);
		}
		this.publisher.accept(new ResourcePressureEvent(this, limit.name(), value, limit.threshold(), now));
	}

	/**
	 * Tells whether any resource was past its threshold at the last sample.
	 * @return whether the instance is under resource pressure
	 */
	public boolean isUnderPressure() {
		return this.pressure.containsValue(Boolean.TRUE);
	}

	/**
	 * Returns the last sample: for each resource its value, threshold and whether it is under pressure.
	 * @return the figures by resource name, in monitoring order
	 */
	public Map<String, Map<String, Object>> lastSample() {
		Map<String, Map<String, Object>> result = new LinkedHashMap<>();
		for (ResourceLimit limit : this.limits) {
			Double value = this.values.get(limit.name());
			if (value == null) {
				continue;
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("value", Double.isNaN(value) ? "n/a" : Math.round(value * 10) / 10.0);
			entry.put((limit.below() ? "min" : "max"), limit.threshold());
			entry.put("pressure", Boolean.TRUE.equals(this.pressure.get(limit.name())));
			result.put(limit.name(), entry);
		}
		return result;
	}

	/**
	 * Returns the monitored resources.
	 * @return the limits
	 */
	public List<ResourceLimit> limits() {
		return this.limits;
	}

}
