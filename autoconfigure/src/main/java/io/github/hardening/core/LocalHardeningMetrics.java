package io.github.hardening.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link HardeningMetrics} for applications without Micrometer: counts kept in memory for the report.
 */
public class LocalHardeningMetrics implements HardeningMetrics {

	private final Map<List<String>, HardeningCounter> counters = new ConcurrentHashMap<>();

	@Override
	public HardeningCounter counter(String name, String description, String... tags) {
		List<String> key = new java.util.ArrayList<>(tags.length + 1);
		key.add(name);
		key.addAll(Arrays.asList(tags));
		return this.counters.computeIfAbsent(key, (k) -> new AdderCounter());
	}

	private static final class AdderCounter implements HardeningCounter {

		private final LongAdder adder = new LongAdder();

		@Override
		public void increment() {
			this.adder.increment();
		}

		@Override
		public void increment(long amount) {
			this.adder.add(amount);
		}

		@Override
		public double count() {
			return this.adder.sum();
		}

	}

}
