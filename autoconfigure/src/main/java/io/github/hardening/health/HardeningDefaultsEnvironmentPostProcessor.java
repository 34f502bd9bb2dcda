package io.github.hardening.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Production defaults for probes, graceful shutdown and latency histograms, added as the lowest-precedence
 * property source: every one of them is overridden by the same property set anywhere else. Nothing is added
 * when {@code hardening.enabled=false}, so the application behaves as if the starter were absent.
 */
public class HardeningDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardeningDefaults";

	private static final String HEALTH = "management.endpoint.health.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!flag(environment, "hardening.enabled") || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (flag(environment, "hardening.health.enabled")) {
			defaults.put(HEALTH + "probes.enabled", "true");
			defaults.put(HEALTH + "probes.add-additional-paths", "true");
			defaults.put(HEALTH + "show-details", "never");
			// DEGRADED (resource pressure) ranks between OUT_OF_SERVICE and UP and still answers 200.
			defaults.put(HEALTH + "status.order", "down,out-of-service,degraded,up,unknown");
			// Any mapping replaces Boot's built-in ones, so DOWN and OUT_OF_SERVICE are mapped again.
			defaults.put(HEALTH + "status.http-mapping.down", "503");
			defaults.put(HEALTH + "status.http-mapping.out-of-service", "503");
			defaults.put(HEALTH + "status.http-mapping.degraded", "200");
			if (flag(environment, HEALTH + "probes.enabled")) {
				// Declaring the readiness group replaces Boot's, so its /readyz path is declared here too.
				defaults.put(HEALTH + "group.readiness.include", "readinessState,hardening");
				defaults.put(HEALTH + "group.readiness.additional-path", "server:/readyz");
			}
			defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
		}
		if (flag(environment, "hardening.shutdown.enabled")) {
			defaults.put("server.shutdown", "graceful");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	private static boolean flag(ConfigurableEnvironment environment, String name) {
		return !"false".equalsIgnoreCase(environment.getProperty(name, "true").trim());
	}

	@Override
	public int getOrder() {
		// After the config data (application.yml, profiles) has been loaded, so its switches are seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
