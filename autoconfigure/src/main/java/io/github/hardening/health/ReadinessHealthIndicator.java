package io.github.hardening.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import io.github.hardening.core.ReadinessResult;

/**
 * The {@code hardening} health component of the readiness group: up when every readiness check is ready,
 * out of service (503) otherwise. Details (each check's result) are shown only to callers allowed to see
 * them.
 */
public class ReadinessHealthIndicator extends AbstractHealthIndicator {

	private final ReadinessRunner runner;

	/**
	 * Creates the indicator.
	 * @param runner runs the checks
	 */
	public ReadinessHealthIndicator(ReadinessRunner runner) {
		super("Hardening readiness checks failed");
		this.runner = runner;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, ReadinessResult> results = this.runner.run();
		boolean ready = results.values().stream().allMatch(ReadinessResult::ready);
		Map<String, Object> details = new LinkedHashMap<>();
		results.forEach((name, result) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("ready", result.ready());
			entry.putAll(result.details());
			details.put(name, entry);
		});
		builder.status(ready ? "UP" : "OUT_OF_SERVICE").withDetails(details);
	}

}
