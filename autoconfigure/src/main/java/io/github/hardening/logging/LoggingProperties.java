package io.github.hardening.logging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Logs: plain or JSON console output, masking of sensitive values, request fields in the MDC, access log.
 */
@ConfigurationProperties("hardening.logging")
public class LoggingProperties {

	/**
	 * Whether the logging feature is active (format switch, request fields in the MDC, access log).
	 */
	private boolean enabled = true;

	/**
	 * Console log format: 'plain' (Spring Boot's) or 'json' (one object per line, sensitive values masked).
	 */
	private LogFormat format = LogFormat.PLAIN;

	/**
	 * Whether the client address, method and path of the current request are put in the MDC of every log line.
	 */
	private boolean requestFields = true;

	/**
	 * Masking of sensitive keys and values in JSON logs.
	 */
	private final Masking masking = new Masking();

	/**
	 * One log line per request.
	 */
	private final AccessLog accessLog = new AccessLog();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public LogFormat getFormat() {
		return this.format;
	}

	public void setFormat(LogFormat format) {
		this.format = format;
	}

	public boolean isRequestFields() {
		return this.requestFields;
	}

	public void setRequestFields(boolean requestFields) {
		this.requestFields = requestFields;
	}

	public Masking getMasking() {
		return this.masking;
	}

	public AccessLog getAccessLog() {
		return this.accessLog;
	}

	/**
	 * Console log formats.
	 */
	public enum LogFormat {

		/** Spring Boot's own console pattern. */
		PLAIN,

		/** One JSON object per line through logstash-logback-encoder. */
		JSON

	}

	/**
	 * Masking rules added to the built-in ones.
	 */
	public static class Masking {

		/**
		 * Sensitive keys whose values are masked, in addition to password, secret, token, authorization, cookie, set-cookie and api-key.
		 */
		private List<String> keys = new ArrayList<>();

		/**
		 * Regular expressions whose matches in any logged text are masked, in addition to bearer tokens and JWT-shaped strings.
		 */
		private List<String> patterns = new ArrayList<>();

		public List<String> getKeys() {
			return this.keys;
		}

		public void setKeys(List<String> keys) {
			this.keys = keys;
		}

		public List<String> getPatterns() {
			return this.patterns;
		}

		public void setPatterns(List<String> patterns) {
			this.patterns = patterns;
		}

	}

	/**
	 * Access log.
	 */
	public static class AccessLog {

		/**
		 * Whether one line per request (method, path, status, duration, client address) is logged to 'hardening.access'.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
