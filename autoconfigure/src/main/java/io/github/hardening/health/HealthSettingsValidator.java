package io.github.hardening.health;

import java.time.Duration;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Refuses health and shutdown settings that cannot work, naming the property and the fix.
 */
final class HealthSettingsValidator {

	private HealthSettingsValidator() {
	}

	static void validate(HealthProperties properties) {
		Duration timeout = properties.getReadiness().getTimeout();
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
			throw new InvalidConfigurationPropertyValueException("hardening.health.readiness.timeout", timeout,
					"Give a duration between 1ms and 30s, shorter than the orchestrator's probe timeout (e.g. 2s).");
		}
		if (properties.getStorage().getMinFreeSpace().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("hardening.health.storage.min-free-space",
					properties.getStorage().getMinFreeSpace(), "Give a size of zero or more, e.g. 50MB.");
		}
		HealthProperties.Resources resources = properties.getResources();
		percent("heap-after-gc-percent", resources.getHeapAfterGcPercent());
		percent("process-cpu-percent", resources.getProcessCpuPercent());
		percent("open-files-percent", resources.getOpenFilesPercent());
		percent("disk-free-percent", resources.getDiskFreePercent());
		Duration interval = resources.getInterval();
		if (interval == null || interval.compareTo(Duration.ofMillis(100)) < 0) {
			throw new InvalidConfigurationPropertyValueException("hardening.health.resources.interval", interval,
					"Give a duration of at least 100ms, e.g. 15s.");
		}
	}

	static void validate(ShutdownProperties properties) {
		Duration delay = properties.getDrainDelay();
		if (delay == null || delay.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("hardening.shutdown.drain-delay", delay,
					"Give a duration of zero or more, e.g. 5s, shorter than spring.lifecycle.timeout-per-shutdown-phase "
							+ "and the orchestrator's termination grace period.");
		}
	}

	private static void percent(String name, double value) {
		if (!(value > 0 && value <= 100)) {
			throw new InvalidConfigurationPropertyValueException("hardening.health.resources." + name, value,
					"Give a percentage above 0 and at most 100.");
		}
	}

}
