package io.github.hardening.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link HardeningMetrics} backed by a Micrometer {@link MeterRegistry}.
 */
public class MicrometerHardeningMetrics implements HardeningMetrics {

	private final MeterRegistry registry;

	/**
	 * Creates the metrics.
	 * @param registry registry the counters are registered in
	 */
	public MicrometerHardeningMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public HardeningCounter counter(String name, String description, String... tags) {
		Counter counter = Counter.builder(name).description(description).tags(tags).register(this.registry);
		return new HardeningCounter() {

			@Override
			public void increment() {
				counter.increment();
			}

			@Override
			public void increment(long amount) {
				counter.increment(amount);
			}

			@Override
			public double count() {
				return counter.count();
			}

		};
	}

}
