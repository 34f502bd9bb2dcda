package io.github.hardening.logging;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.FieldMasker;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.ValueMasker;

/**
 * A {@link LogstashEncoder} writing one JSON object per line with the starter's field names ({@code timestamp},
 * {@code level}, {@code logger}, {@code thread}, {@code message}, {@code stack_trace}, MDC entries such as
 * {@code requestId}, {@code traceId}, {@code spanId}, and key-value pairs) and masking sensitive keys and
 * values everywhere: fields, MDC values, key-value pairs and structured arguments. Usable from a user's
 * {@code logback-spring.xml}, where {@code <sensitiveKey>} and {@code <sensitivePattern>} add rules.
 */
public class HardeningJsonEncoder extends LogstashEncoder {

	private final List<String> sensitiveKeys = new ArrayList<>();

	private final List<String> sensitivePatterns = new ArrayList<>();

	/**
	 * Creates the encoder with the starter's field names.
	 */
	public HardeningJsonEncoder() {
		getFieldNames().setTimestamp("timestamp");
		getFieldNames().setLogger("logger");
		getFieldNames().setThread("thread");
		getFieldNames().setVersion("[ignore]");
		getFieldNames().setLevelValue("[ignore]");
		// Logback context properties (Spring Boot puts its log patterns there) are noise on every line.
		setIncludeContext(false);
	}

	/**
	 * Adds a sensitive key whose values are masked.
	 * @param key a field, MDC or argument name
	 */
	public void addSensitiveKey(String key) {
		this.sensitiveKeys.add(key);
	}

	/**
	 * Adds a regular expression whose matches in any text value are masked.
	 * @param pattern the regular expression
	 */
	public void addSensitivePattern(String pattern) {
		this.sensitivePatterns.add(pattern);
	}

	@Override
	public void start() {
		LogMasking masking = LogMasking.of(this.sensitiveKeys, this.sensitivePatterns);
		MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
		decorator.addFieldMasker(new KeyMasker(masking));
		decorator.addValueMasker(new TextMasker(masking));
		decorator.start();
		setJsonGeneratorDecorator(decorator);
		super.start();
	}

	/** Masks the whole value of a field with a sensitive name. */
	private record KeyMasker(LogMasking masking) implements FieldMasker {

		@Override
		public Object mask(JsonStreamContext context) {
			return (context.hasCurrentName() && this.masking.isSensitiveKey(context.getCurrentName())) ? LogMasking.MASK
					: null;
		}

	}

	/** Masks the sensitive parts of text values, except in the fields the encoder itself fills with safe values. */
	private record TextMasker(LogMasking masking) implements ValueMasker {

		private static final java.util.Set<String> SAFE = java.util.Set.of("timestamp", "level", "logger", "thread",
				"requestId", "traceId", "spanId");

		@Override
		public Object mask(JsonStreamContext context, Object value) {
			if (context.hasCurrentName() && context.getParent() != null && context.getParent().inRoot()
					&& SAFE.contains(context.getCurrentName())) {
				return null;
			}
			if (value instanceof CharSequence text) {
				String original = text.toString();
				String masked = this.masking.maskValue(original);
				return (masked.equals(original)) ? null : masked;
			}
			return null;
		}

	}

}
