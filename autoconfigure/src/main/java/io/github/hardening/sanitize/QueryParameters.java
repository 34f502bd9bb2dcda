package io.github.hardening.sanitize;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Walks a query string's decoded names and values without touching the request body, as
 * {@code getParameterMap()} would for a form post, and without building a map.
 */
final class QueryParameters {

	private QueryParameters() {
	}

	static void forEach(String query, BiConsumer<String, String> action) {
		int length = query.length();
		int start = 0;
		while (start < length) {
			int end = query.indexOf('&', start);
			if (end < 0) {
				end = length;
			}
			if (end > start) {
				int equals = query.indexOf('=', start);
				if (equals < 0 || equals > end) {
					equals = end;
				}
				action.accept(decode(query.substring(start, equals)),
						(equals < end) ? decode(query.substring(equals + 1, end)) : "");
			}
			start = end + 1;
		}
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
			return value;
		}
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A broken escape is inspected as sent.
			return value;
		}
	}

}
