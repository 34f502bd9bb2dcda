package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registers {@code hardening.resilience.defaults} as resilience4j's {@code default} configs (circuit breaker,
 * retry, bulkhead, time limiter), so that {@code @CircuitBreaker}, {@code @Retry}, … use the same defaults as
 * the HTTP pipeline. The source is added last: any {@code resilience4j.*} setting of the application wins.
 */
public class ResilienceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source. */
	public static final String SOURCE_NAME = "hardeningResilienceDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!binder.bind("hardening.enabled", Boolean.class).orElse(true)
				|| !binder.bind("hardening.resilience.enabled", Boolean.class).orElse(true)) {
			return;
		}
		ClientSettings defaults;
		try {
			defaults = ClientSettingsMapper.defaults(binder.bindOrCreate("hardening.resilience", ResilienceProperties.class));
		}
		catch (BindException | InvalidConfigurationPropertyValueException ex) {
			// Invalid values are reported, naming the property, when the auto-configuration binds them.
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties(defaults)));
	}

	static Map<String, Object> properties(ClientSettings defaults) {
		Map<String, Object> map = new LinkedHashMap<>();
		ClientSettings.BreakerSettings breaker = defaults.breaker();
		String cb = "resilience4j.circuitbreaker.configs.default.";
		map.put(cb + "failure-rate-threshold", breaker.failureRateThreshold());
		map.put(cb + "slow-call-rate-threshold", breaker.slowCallRateThreshold());
		map.put(cb + "slow-call-duration-threshold", breaker.slowCallDuration().toMillis() + "ms");
		map.put(cb + "sliding-window-size", breaker.slidingWindowSize());
		map.put(cb + "minimum-number-of-calls", breaker.minimumCalls());
		map.put(cb + "wait-duration-in-open-state", breaker.waitInOpen().toMillis() + "ms");
		map.put(cb + "permitted-number-of-calls-in-half-open-state", breaker.halfOpenCalls());
		ClientSettings.RetrySettings retry = defaults.retry();
		String rt = "resilience4j.retry.configs.default.";
		map.put(rt + "max-attempts", retry.enabled() ? retry.maxAttempts() : 1);
		map.put(rt + "wait-duration", retry.initialBackoff().toMillis() + "ms");
		map.put(rt + "enable-exponential-backoff", true);
		map.put(rt + "exponential-backoff-multiplier", retry.multiplier());
		map.put(rt + "exponential-max-wait-duration", retry.maxBackoff().toMillis() + "ms");
		map.put(rt + "enable-randomized-wait", true);
		// resilience4j's jitter factor must stay below 1; 0.5 spreads retries widely without full jitter.
		map.put(rt + "randomized-wait-factor", 0.5);
		// A retry must not wait out its backoff against an open breaker (the aspect-order pitfall).
		map.put(rt + "ignore-exceptions[0]", "io.github.resilience4j.circuitbreaker.CallNotPermittedException");
		map.put(rt + "ignore-exceptions[1]", "io.github.resilience4j.bulkhead.BulkheadFullException");
		map.put(rt + "ignore-exceptions[2]", CircuitOpenException.class.getName());
		String bh = "resilience4j.bulkhead.configs.default.";
		map.put(bh + "max-concurrent-calls", defaults.maxConcurrentCalls());
		map.put(bh + "max-wait-duration", defaults.maxWait().toMillis() + "ms");
		map.put("resilience4j.timelimiter.configs.default.timeout-duration", defaults.attemptTimeout().toMillis() + "ms");
		return map;
	}

	@Override
	public int getOrder() {
		// After the config data files are loaded, so the application's own values are seen and kept.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
