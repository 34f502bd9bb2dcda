package io.github.hardening.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as sensitive in log output, framework-free: field names (compared ignoring case and
 * punctuation, so {@code Authorization}, {@code api_key} and {@code X-Api-Key} all match {@code api-key}) and
 * value patterns (bearer tokens, JWT-shaped strings, {@code password=...} pairs in text, and your own).
 */
public final class LogMasking {

	/** Replacement of a masked value. */
	public static final String MASK = "****";

	/** Sensitive keys masked by default. */
	public static final List<String> DEFAULT_KEYS = List.of("password", "passwd", "secret", "token",
			"authorization", "cookie", "set-cookie", "api-key", "credentials", "private-key");

	/**
	 * Value patterns masked by default; group 1, when present, is kept (e.g. the word "Bearer "). Besides
	 * these, {@code key=value} and {@code "key": "value"} in text are masked for every sensitive key.
	 */
	public static final List<String> DEFAULT_PATTERNS = List.of(
			"(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+",
			"eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

	private final List<String> keys;

	private final List<Pattern> patterns;

	private LogMasking(List<String> keys, List<Pattern> patterns) {
		this.keys = keys;
		this.patterns = patterns;
	}

	/**
	 * Creates the masking rules: the defaults plus the given keys and regular expressions.
	 * @param extraKeys more sensitive keys
	 * @param extraPatterns more value patterns; the whole match is masked, or all but group 1 when present
	 * @return the rules
	 * @throws java.util.regex.PatternSyntaxException when a pattern is invalid
	 */
	public static LogMasking of(List<String> extraKeys, List<String> extraPatterns) {
		List<String> keys = new ArrayList<>();
		List<String> alternatives = new ArrayList<>();
		for (List<String> source : List.of(DEFAULT_KEYS, extraKeys)) {
			for (String key : source) {
				keys.add(normalize(key));
				// "api-key" also matches api_key and apikey in text.
				alternatives.add(Pattern.quote(key).replace("-", "\\E[-_.]?\\Q"));
			}
		}
		List<Pattern> patterns = new ArrayList<>();
		DEFAULT_PATTERNS.forEach((pattern) -> patterns.add(Pattern.compile(pattern)));
		patterns.add(Pattern.compile("(?i)((?:" + String.join("|", alternatives)
				+ ")[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+"));
		extraPatterns.forEach((pattern) -> patterns.add(Pattern.compile(pattern)));
		return new LogMasking(List.copyOf(keys), List.copyOf(patterns));
	}

	/**
	 * Tells whether the value of a field with this name is masked as a whole.
	 * @param name a field, MDC or argument name
	 * @return whether it names something sensitive
	 */
	public boolean isSensitiveKey(String name) {
		if (name == null) {
			return false;
		}
		String normalized = normalize(name);
		for (String key : this.keys) {
			if (normalized.contains(key)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Masks every sensitive part of a text value.
	 * @param value the value
	 * @return the value with sensitive parts replaced by {@link #MASK}, the same instance when none
	 */
	public String maskValue(String value) {
		String result = value;
		for (Pattern pattern : this.patterns) {
			Matcher matcher = pattern.matcher(result);
			if (matcher.find()) {
				boolean keepPrefix = matcher.groupCount() >= 1;
				result = matcher.replaceAll((match) -> Matcher.quoteReplacement(
						(keepPrefix && match.group(1) != null) ? match.group(1) + MASK : MASK));
			}
		}
		return result;
	}

	private static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
