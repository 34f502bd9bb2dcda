package io.github.hardening.ratelimit;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The rate limiter's meters beyond its request counters: {@code hardening.rate-limit.store.latency{outcome}}
 * (timer of every Redis call) and {@code hardening.rate-limit.bans.active} (gauge).
 */
public class RateLimitMeters implements MeterBinder, StoreLatency {

	private final PenaltyBox penaltyBox;

	private volatile Timer succeeded;

	private volatile Timer failed;

	/**
	 * Creates the meters.
	 * @param penaltyBox the bans the gauge counts
	 */
	public RateLimitMeters(PenaltyBox penaltyBox) {
		this.penaltyBox = penaltyBox;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.succeeded = timer(registry, "success");
		this.failed = timer(registry, "failure");
		Gauge.builder("hardening.rate-limit.bans.active", this.penaltyBox, RateLimitMeters::activeBans)
			.description("Keys currently banned by the rate limiter's penalty box")
			.register(registry);
	}

	@Override
	public void record(long nanos, boolean failure) {
		Timer timer = failure ? this.failed : this.succeeded;
		if (timer != null) {
			timer.record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	private static Timer timer(MeterRegistry registry, String outcome) {
		return Timer.builder("hardening.rate-limit.store.latency")
			.description("Time the rate-limit store took to decide, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static double activeBans(PenaltyBox penaltyBox) {
		try {
			return penaltyBox.activeBans(10_000).size();
		}
		catch (RateLimitStoreException ex) {
			return Double.NaN;
		}
	}

}
