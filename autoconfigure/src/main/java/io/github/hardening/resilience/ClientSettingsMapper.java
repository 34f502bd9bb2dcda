package io.github.hardening.resilience;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Merges each client's settings over the defaults and validates the result, naming the property of any
 * invalid value and how to fix it.
 */
final class ClientSettingsMapper {

	private static final String DEFAULTS = "hardening.resilience.defaults";

	private ClientSettingsMapper() {
	}

	static ClientSettings defaults(ResilienceProperties properties) {
		return merge("default", DEFAULTS, null, properties.getDefaults());
	}

	static List<ClientSettings> clients(ResilienceProperties properties) {
		List<ClientSettings> result = new ArrayList<>();
		properties.getClients().forEach((name, client) -> {
			String prefix = "hardening.resilience.clients." + name;
			if (!name.matches("[a-z0-9][a-z0-9-]*")) {
				throw new InvalidConfigurationPropertyValueException(prefix, name,
						"Client names are kebab-case (letters, digits, '-'), e.g. inventory-api.");
			}
			result.add(merge(name, prefix, client, properties.getDefaults()));
		});
		return result;
	}

	private static ClientSettings merge(String name, String prefix, ClientProperties client, ResiliencePolicy defaults) {
		ResiliencePolicy own = (client != null) ? client : defaults;
		Values v = new Values(prefix, own, defaults);
		ClientSettings.RetrySettings retry = new ClientSettings.RetrySettings(
				v.get("retry.enabled", (p) -> p.getRetry().getEnabled()),
				v.atLeast("retry.max-attempts", (p) -> p.getRetry().getMaxAttempts(), 1),
				v.positive("retry.initial-backoff", (p) -> p.getRetry().getInitialBackoff()),
				v.positive("retry.max-backoff", (p) -> p.getRetry().getMaxBackoff()),
				v.range("retry.multiplier", (p) -> p.getRetry().getMultiplier(), 1.0, 10.0),
				v.notNegative("retry.max-retry-after", (p) -> p.getRetry().getMaxRetryAfter()),
				v.get("retry.non-idempotent", (p) -> p.getRetry().getNonIdempotent()),
				v.range("retry.budget-ratio", (p) -> p.getRetry().getBudgetRatio(), 0.0, 1.0),
				v.atLeast("retry.budget-min-per-second", (p) -> p.getRetry().getBudgetMinPerSecond(), 0),
				v.atLeastSeconds("retry.budget-window", (p) -> p.getRetry().getBudgetWindow()));
		ClientSettings.BreakerSettings breaker = new ClientSettings.BreakerSettings(
				v.range("circuit-breaker.failure-rate-threshold", (p) -> p.getCircuitBreaker().getFailureRateThreshold(), 1f, 100f),
				v.range("circuit-breaker.slow-call-rate-threshold", (p) -> p.getCircuitBreaker().getSlowCallRateThreshold(), 1f, 100f),
				v.positive("circuit-breaker.slow-call-duration", (p) -> p.getCircuitBreaker().getSlowCallDuration()),
				v.atLeast("circuit-breaker.sliding-window-size", (p) -> p.getCircuitBreaker().getSlidingWindowSize(), 1),
				v.atLeast("circuit-breaker.minimum-calls", (p) -> p.getCircuitBreaker().getMinimumCalls(), 1),
				v.positive("circuit-breaker.wait-in-open", (p) -> p.getCircuitBreaker().getWaitInOpen()),
				v.atLeast("circuit-breaker.half-open-calls", (p) -> p.getCircuitBreaker().getHalfOpenCalls(), 1));
		Duration total = v.positive("timeout.total", (p) -> p.getTimeout().getTotal());
		Duration attempt = v.positive("timeout.attempt", (p) -> p.getTimeout().getAttempt());
		if (attempt.compareTo(total) > 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".timeout.attempt", attempt,
					"An attempt cannot take longer than the whole call (" + prefix + ".timeout.total=" + total
							+ "). Lower the attempt timeout or raise the total.");
		}
		if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".retry.max-backoff", retry.maxBackoff(),
					"The maximum backoff must be at least the initial backoff (" + retry.initialBackoff() + ").");
		}
		boolean enabled = client == null || client.isEnabled();
		boolean critical = client != null && client.isCritical();
		List<String> hosts = (client != null) ? hosts(prefix, client.getHosts()) : List.of();
		return new ClientSettings(name, hosts, enabled, critical, total, attempt, retry, breaker,
				v.atLeast("bulkhead.max-concurrent-calls", (p) -> p.getBulkhead().getMaxConcurrentCalls(), 1),
				v.notNegative("bulkhead.max-wait", (p) -> p.getBulkhead().getMaxWait()));
	}

	private static List<String> hosts(String prefix, List<String> hosts) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i < hosts.size(); i++) {
			String value = (hosts.get(i) != null) ? hosts.get(i).trim() : "";
			String host = value.contains("://") ? URI.create(value).getHost() : value;
			if (host == null || host.isEmpty() || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
				throw new InvalidConfigurationPropertyValueException(prefix + ".hosts[" + i + "]", hosts.get(i),
						"Give a host name such as api.example.com, or a base URL such as https://api.example.com.");
			}
			result.add(host.toLowerCase(Locale.ROOT));
		}
		return result;
	}

	/**
	 * Reads a value from the client's policy, falling back to the defaults, and checks it.
	 */
	private record Values(String prefix, ResiliencePolicy own, ResiliencePolicy defaults) {

		<T> T get(String property, Function<ResiliencePolicy, T> getter) {
			T value = getter.apply(this.own);
			T result = (value != null) ? value : getter.apply(this.defaults);
			if (result == null) {
				throw new InvalidConfigurationPropertyValueException(name(property), null,
						"A value is required; remove the empty entry to use the built-in default.");
			}
			return result;
		}

		int atLeast(String property, Function<ResiliencePolicy, Integer> getter, int min) {
			int value = get(property, getter);
			if (value < min) {
				throw new InvalidConfigurationPropertyValueException(name(property), value, "Use a value of at least " + min + ".");
			}
			return value;
		}

		<N extends Number & Comparable<N>> N range(String property, Function<ResiliencePolicy, N> getter, N min, N max) {
			N value = get(property, getter);
			if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
				throw new InvalidConfigurationPropertyValueException(name(property), value,
						"Use a value between " + min + " and " + max + ".");
			}
			return value;
		}

		Duration positive(String property, Function<ResiliencePolicy, Duration> getter) {
			Duration value = get(property, getter);
			if (value.isNegative() || value.isZero()) {
				throw new InvalidConfigurationPropertyValueException(name(property), value, "Use a positive duration such as 500ms.");
			}
			return value;
		}

		Duration notNegative(String property, Function<ResiliencePolicy, Duration> getter) {
			Duration value = get(property, getter);
			if (value.isNegative()) {
				throw new InvalidConfigurationPropertyValueException(name(property), value, "Use 0 or a positive duration.");
			}
			return value;
		}

		Duration atLeastSeconds(String property, Function<ResiliencePolicy, Duration> getter) {
			Duration value = get(property, getter);
			if (value.getSeconds() < 1) {
				throw new InvalidConfigurationPropertyValueException(name(property), value, "Use a window of at least 1s.");
			}
			return value;
		}

		private String name(String property) {
			return this.prefix + "." + property;
		}

	}

}
