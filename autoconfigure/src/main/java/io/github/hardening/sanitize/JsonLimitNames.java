package io.github.hardening.sanitize;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Names the {@code hardening.limits.json.*} property behind a Jackson {@link StreamConstraintsException},
 * so a client learns which limit it hit without seeing parser internals.
 */
final class JsonLimitNames {

	private JsonLimitNames() {
	}

	static String of(StreamConstraintsException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.startsWith("Document nesting depth")) {
			return "max-nesting-depth";
		}
		if (message.startsWith("String value length")) {
			return "max-string-length";
		}
		if (message.startsWith("Number value length")) {
			return "max-number-length";
		}
		if (message.startsWith("Name length")) {
			return "max-name-length";
		}
		if (message.startsWith("Document length")) {
			return "max-document-length";
		}
		if (message.startsWith("Token count")) {
			return "max-token-count";
		}
		return "json";
	}

}
