package io.github.hardening.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks values whose keys look secret before settings are shown anywhere.
 */
public final class SettingsMasker {

	/** Shown instead of a secret value. */
	public static final String MASK = "******";

	private static final List<String> SECRET_WORDS = List.of("secret", "password", "token", "credential",
			"private-key", "privatekey", "api-key", "apikey");

	private SettingsMasker() {
	}

	/**
	 * Returns a copy of {@code settings} in which every text value under a secret-looking key, at any depth,
	 * is masked. Booleans, numbers and durations are never secrets (e.g. {@code allow-credentials: true}),
	 * so they stay readable.
	 * @param settings the settings
	 * @return masked copy
	 */
	public static Map<String, Object> mask(Map<String, ?> settings) {
		Map<String, Object> result = new LinkedHashMap<>();
		settings.forEach((key, value) -> result.put(key, (isSecret(key) && isText(value)) ? MASK : maskValue(value)));
		return result;
	}

	/**
	 * Tells whether a key names a secret.
	 * @param key the key
	 * @return whether its value must be masked
	 */
	public static boolean isSecret(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return SECRET_WORDS.stream().anyMatch(lower::contains);
	}

	private static boolean isText(Object value) {
		if (value instanceof Iterable<?> items) {
			for (Object item : items) {
				if (isText(item)) {
					return true;
				}
			}
			return false;
		}
		return value instanceof CharSequence || value instanceof byte[] || value instanceof char[];
	}

	@SuppressWarnings("unchecked")
	private static Object maskValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return mask((Map<String, ?>) map);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(SettingsMasker::maskValue).toList();
		}
		return value;
	}

}
