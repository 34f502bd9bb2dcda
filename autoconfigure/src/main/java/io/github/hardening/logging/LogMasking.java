package io.github.hardening.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	private static final int KEY_CACHE_SIZE = 1024;

	private final List<String> keys;

	/** The built-in patterns, each run only when a cheap test says it can match: bearer, JWT, assignment. */
	private final Pattern bearer;

	private final Pattern jwt;

	private final Pattern assignment;

	private final List<Pattern> extra;

	/** Field names seen so far; names repeat on every line, normalising them each time would not. */
	private final Map<String, Boolean> sensitiveNames = new ConcurrentHashMap<>();

	private LogMasking(List<String> keys, Pattern assignment, List<Pattern> extra) {
		this.keys = keys;
		this.bearer = Pattern.compile(DEFAULT_PATTERNS.get(0));
		this.jwt = Pattern.compile(DEFAULT_PATTERNS.get(1));
		this.assignment = assignment;
		this.extra = extra;
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
		Pattern assignment = Pattern.compile("(?i)((?:" + String.join("|", alternatives)
				+ ")[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&}]+");
		List<Pattern> extra = new ArrayList<>();
		extraPatterns.forEach((pattern) -> extra.add(Pattern.compile(pattern)));
		return new LogMasking(List.copyOf(keys), assignment, List.copyOf(extra));
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
		Boolean known = this.sensitiveNames.get(name);
		if (known != null) {
			return known;
		}
		String normalized = normalize(name);
		boolean sensitive = false;
		for (String key : this.keys) {
			if (normalized.contains(key)) {
				sensitive = true;
				break;
			}
		}
		if (this.sensitiveNames.size() < KEY_CACHE_SIZE) {
			this.sensitiveNames.put(name, sensitive);
		}
		return sensitive;
	}

	/**
	 * Masks every sensitive part of a text value.
	 * @param value the value
	 * @return the value with sensitive parts replaced by {@link #MASK}, the same instance when none
	 */
	public String maskValue(String value) {
		String result = value;
		if (containsIgnoreCase(result, "bearer")) {
			result = mask(this.bearer, result);
		}
		if (result.contains("eyJ")) {
			result = mask(this.jwt, result);
		}
		if (result.indexOf('=') >= 0 || result.indexOf(':') >= 0) {
			result = mask(this.assignment, result);
		}
		for (Pattern pattern : this.extra) {
			result = mask(pattern, result);
		}
		return result;
	}

	private static String mask(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		boolean keepPrefix = matcher.groupCount() >= 1;
		return matcher.replaceAll((match) -> Matcher
			.quoteReplacement((keepPrefix && match.group(1) != null) ? match.group(1) + MASK : MASK));
	}

	private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
		int last = text.length() - lowerCaseWord.length();
		for (int i = 0; i <= last; i++) {
			if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
				return true;
			}
		}
		return false;
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
