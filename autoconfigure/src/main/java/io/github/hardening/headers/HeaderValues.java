package io.github.hardening.headers;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Startup checks of header values, each failure naming the property and the accepted values.
 */
final class HeaderValues {

	static final Set<String> REFERRER_POLICIES = Set.of("no-referrer", "no-referrer-when-downgrade", "origin",
			"origin-when-cross-origin", "same-origin", "strict-origin", "strict-origin-when-cross-origin", "unsafe-url");

	static final Set<String> OPENER_POLICIES = Set.of("unsafe-none", "same-origin-allow-popups", "same-origin",
			"noopener-allow-popups");

	static final Set<String> RESOURCE_POLICIES = Set.of("same-site", "same-origin", "cross-origin");

	static final Set<String> EMBEDDER_POLICIES = Set.of("unsafe-none", "require-corp", "credentialless");

	private HeaderValues() {
	}

	/**
	 * Refuses characters that would split or corrupt a header.
	 */
	static String printable(String property, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"Only printable ASCII is allowed in a header value.");
			}
		}
		return value;
	}

	/**
	 * Refuses a value outside a known set; a comma-separated list is allowed when {@code list} is true
	 * (Referrer-Policy fallbacks).
	 */
	static String oneOf(String property, String value, Set<String> allowed, boolean list) {
		String[] tokens = list ? value.split(",") : new String[] { value };
		for (String token : tokens) {
			if (!allowed.contains(token.trim().toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationPropertyValueException(property, value,
						"'" + token.trim() + "' is not one of " + new java.util.TreeSet<>(allowed) + ".");
			}
		}
		return value;
	}

}
