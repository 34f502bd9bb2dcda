package io.github.hardening.resilience;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;

/**
 * What the pipeline counts beyond resilience4j's own metrics, per client.
 *
 * @param retries retries sent
 * @param budgetExhausted retries refused by the retry budget
 * @param shortCircuited calls failed at once by an open breaker
 * @param unavailable calls that ended as {@link DownstreamUnavailableException}
 */
record ResilienceCounters(HardeningCounter retries, HardeningCounter budgetExhausted, HardeningCounter shortCircuited,
		HardeningCounter unavailable) {

	static ResilienceCounters of(HardeningMetrics metrics, String client) {
		return new ResilienceCounters(
				metrics.counter("hardening.resilience.retries", "Retries sent to a downstream", "client", client),
				metrics.counter("hardening.resilience.budget.exhausted", "Retries refused by the retry budget", "client",
						client),
				metrics.counter("hardening.resilience.short.circuited",
						"Calls failed at once because the circuit breaker was open", "client", client),
				metrics.counter("hardening.resilience.unavailable",
						"Calls that ended with the downstream unavailable", "client", client));
	}

}
