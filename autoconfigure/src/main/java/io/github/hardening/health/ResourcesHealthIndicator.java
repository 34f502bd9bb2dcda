package io.github.hardening.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code resources} health component: {@code DEGRADED} while any monitored resource is past its
 * threshold, else {@code UP}. It reads the monitor's last sample, so a probe never waits for a measurement.
 * {@code DEGRADED} answers 200 and is not part of the readiness group, so it does not take the instance out
 * of rotation unless {@code hardening.health.resources.fail-readiness=true}.
 */
public class ResourcesHealthIndicator extends AbstractHealthIndicator {

	/** The status of an instance under resource pressure that still serves. */
	public static final Status DEGRADED = new Status("DEGRADED", "A resource is past its threshold");

	private final ResourceMonitor monitor;

	/**
	 * Creates the indicator.
	 * @param monitor the monitor whose last sample is reported
	 */
	public ResourcesHealthIndicator(ResourceMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(this.monitor.isUnderPressure() ? DEGRADED : Status.UP);
		this.monitor.lastSample().forEach(builder::withDetail);
	}

}
