package io.github.hardening.core;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a start refused because of an invalid {@code hardening.*} property: the property, where it is set,
 * why it is invalid and how to fix it. Runs before Spring Boot's own analyzer of the same exception, which
 * prints the value as found in the environment and would so print a signing secret or a Redis password.
 */
class HardeningPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
		implements Ordered {

	/** Properties whose value is never printed: secrets, and URLs that may carry credentials. */
	private static final Pattern SENSITIVE = Pattern.compile(".*(secret|password|token|credential).*|(.*-)?ur[il]");

	private final Environment environment;

	HardeningPropertyFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
		String name = cause.getName();
		if (name == null || !name.startsWith("hardening.")) {
			return null;
		}
		String lastSegment = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String value = SENSITIVE.matcher(lastSegment).matches() ? "(not shown)" : "'" + cause.getValue() + "'";
		String origin = origin(name);
		String description = "Invalid value " + value + " for configuration property '" + name + "'"
				+ ((origin != null) ? " (set in " + origin + ")" : "") + ".\n\nReason: " + cause.getReason();
		String action = "Change " + name + " as the reason above says, then start again.";
		return new FailureAnalysis(description, action, cause);
	}

	private String origin(String name) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(name)) {
			return null;
		}
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null) {
				Origin origin = property.getOrigin();
				// The origin names the file and line or the variable, never the value.
				return (origin != null) ? origin.toString() : String.valueOf(source.getUnderlyingSource());
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
