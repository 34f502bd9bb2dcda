package io.github.hardening.logging;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Applies {@code hardening.logging.format=json} right after Spring Boot initialised logging, when the
 * application has no Logback configuration of its own. With one ({@code logging.config}, {@code logback.xml}
 * or {@code logback-spring.xml}) nothing is changed: that file can include
 * {@code io/github/hardening/logging/json-console-appender.xml} instead.
 */
public class JsonLoggingApplicationListener implements GenericApplicationListener {

	private static final String[] USER_CONFIGS = { "logback-test.xml", "logback.xml", "logback-spring.xml",
			"logback-test-spring.xml", "logback.groovy", "logback-spring.groovy" };

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		ConfigurableEnvironment environment = ((ApplicationEnvironmentPreparedEvent) event).getEnvironment();
		Binder binder = Binder.get(environment);
		if (!binder.bind("hardening.enabled", Boolean.class).orElse(true)) {
			return;
		}
		LoggingProperties properties = binder.bind("hardening.logging", Bindable.of(LoggingProperties.class))
			.orElseGet(LoggingProperties::new);
		if (!properties.isEnabled() || properties.getFormat() != LoggingProperties.LogFormat.JSON) {
			return;
		}
		validatePatterns(properties.getMasking().getPatterns());
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent("net.logstash.logback.encoder.LogstashEncoder", classLoader)
				|| !ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", classLoader)) {
			throw new InvalidConfigurationPropertyValueException("hardening.logging.format", "json",
					"JSON logs need Logback and net.logstash.logback:logstash-logback-encoder on the class path "
							+ "(the starter brings it); add it or set hardening.logging.format=plain.");
		}
		if (environment.getProperty("logging.config") != null || hasUserConfiguration(classLoader)) {
			return;
		}
		JsonConsoleLogging.apply(LoggerFactory.getILoggerFactory(), properties.getMasking().getKeys(),
				properties.getMasking().getPatterns());
	}

	static void validatePatterns(List<String> patterns) {
		for (int i = 0; i < patterns.size(); i++) {
			try {
				Pattern.compile(patterns.get(i));
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidConfigurationPropertyValueException("hardening.logging.masking.patterns[" + i + "]",
						patterns.get(i), "Not a valid regular expression: " + ex.getDescription());
			}
		}
	}

	private static boolean hasUserConfiguration(ClassLoader classLoader) {
		for (String name : USER_CONFIGS) {
			if (classLoader.getResource(name) != null) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
