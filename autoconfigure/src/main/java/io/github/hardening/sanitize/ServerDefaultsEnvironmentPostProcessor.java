package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds hardened server defaults (short connection timeout against slow clients, keep-alive limits, header
 * and form size limits) as the lowest-precedence property source, so that any value the application sets
 * anywhere wins. Skipped when {@code hardening.enabled}, {@code hardening.limits.enabled} or
 * {@code hardening.limits.server-defaults} is {@code false}.
 */
public class ServerDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source, visible in {@code /actuator/env}. */
	public static final String PROPERTY_SOURCE = "hardeningServerDefaults";

	/** The defaults, in the order they are documented in {@code docs/limits.md}. */
	public static final Map<String, Object> DEFAULTS = defaults();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("hardening.enabled", Boolean.class, true)
				|| !environment.getProperty("hardening.limits.enabled", Boolean.class, true)
				|| !environment.getProperty("hardening.limits.server-defaults", Boolean.class, true)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, DEFAULTS));
	}

	@Override
	public int getOrder() {
		// After the application's config files are loaded, so the checks above see them.
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("server.tomcat.connection-timeout", "10s");
		defaults.put("server.tomcat.keep-alive-timeout", "20s");
		defaults.put("server.tomcat.max-keep-alive-requests", "100");
		defaults.put("server.max-http-request-header-size", "8KB");
		defaults.put("server.tomcat.max-http-form-post-size", "1MB");
		defaults.put("server.tomcat.max-swallow-size", "1MB");
		return java.util.Collections.unmodifiableMap(defaults);
	}

}
