package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * Not ready while the circuit breaker of any client marked {@code critical: true} is open: without that
 * downstream the instance cannot serve. Liveness never looks at breakers.
 */
public class CriticalBreakersReadinessCheck implements ReadinessCheck {

	private final ClientPipelines pipelines;

	/**
	 * Creates the check.
	 * @param pipelines the clients' pipelines
	 */
	public CriticalBreakersReadinessCheck(ClientPipelines pipelines) {
		this.pipelines = pipelines;
	}

	@Override
	public ReadinessResult check() {
		Map<String, Object> states = new LinkedHashMap<>();
		StringBuilder open = new StringBuilder();
		this.pipelines.clients().forEach((name, pipeline) -> {
			if (!pipeline.settings().critical() || !pipeline.settings().enabled()) {
				return;
			}
			CircuitBreaker.State state = pipeline.breaker().getState();
			states.put(name, state.name());
			if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
				open.append((open.length() > 0) ? ", " : "").append(name);
			}
		});
		if (open.length() > 0) {
			return ReadinessResult.notReady("Circuit breaker open for critical client(s): " + open);
		}
		return ReadinessResult.ready(states);
	}

	@Override
	public String name() {
		return "resilience-critical-breakers";
	}

}
