package io.github.hardening.logging;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.ILoggerFactory;

/**
 * Switches the {@code CONSOLE} appender of Spring Boot's default Logback configuration to
 * {@link HardeningJsonEncoder}. Touches Logback and logstash-logback-encoder classes, so it is only called
 * once both are known to be present.
 */
final class JsonConsoleLogging {

	static final String CONSOLE = "CONSOLE";

	private JsonConsoleLogging() {
	}

	/**
	 * Replaces the console appender of the root logger with a JSON one.
	 * @param factory SLF4J's logger factory
	 * @param keys extra sensitive keys
	 * @param patterns extra sensitive patterns
	 * @return whether a console appender was found and replaced
	 */
	static boolean apply(ILoggerFactory factory, List<String> keys, List<String> patterns) {
		if (!(factory instanceof LoggerContext context)) {
			return false;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Appender<ILoggingEvent> previous = root.getAppender(CONSOLE);
		if (previous == null) {
			return false;
		}
		HardeningJsonEncoder encoder = new HardeningJsonEncoder();
		encoder.setContext(context);
		keys.forEach(encoder::addSensitiveKey);
		patterns.forEach(encoder::addSensitivePattern);
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setName(CONSOLE);
		appender.setEncoder(encoder);
		appender.start();
		// Attach the new appender before detaching the old one, so that no line is lost in between.
		root.addAppender(appender);
		root.detachAppender(previous);
		previous.stop();
		return true;
	}

}
