package io.github.hardening.sanitize;

import java.nio.charset.Charset;

/**
 * Walks the {@code name=value} pairs of a query string or {@code application/x-www-form-urlencoded} body,
 * decoding each strictly with {@link StrictPercentDecoder}.
 */
final class UrlEncodedPairs {

	/** Receives each pair. */
	interface Visitor {

		/**
		 * One pair.
		 * @param name the decoded name; for a malformed name, the name as sent (still encoded, so ASCII)
		 * @param value the decoded value; for a malformed pair, what the container would have made of it,
		 * or {@code null} when it would have dropped the pair
		 * @param malformed whether the name or the value is malformed
		 */
		void pair(String name, String value, boolean malformed);

	}

	private UrlEncodedPairs() {
	}

	/**
	 * Visits every pair with a non-empty name, as the container does.
	 * @param raw the encoded text
	 * @param charset charset of the encoded bytes
	 * @param visitor receives the pairs
	 */
	static void forEach(String raw, Charset charset, Visitor visitor) {
		int length = raw.length();
		int start = 0;
		while (start < length) {
			int end = raw.indexOf('&', start);
			if (end < 0) {
				end = length;
			}
			int equals = raw.indexOf('=', start);
			if (equals < 0 || equals > end) {
				equals = end;
			}
			if (equals > start) {
				visit(raw, start, equals, end, charset, visitor);
			}
			start = end + 1;
		}
	}

	/**
	 * Hands the name of every malformed pair to {@code names}, decoding only pairs that hold a {@code %} and
	 * building no text for well-formed ones.
	 * @param raw the encoded text
	 * @param charset charset of the encoded bytes
	 * @param names receives the names, as {@link Visitor} describes them
	 */
	static void forEachMalformed(String raw, Charset charset, java.util.function.Consumer<String> names) {
		int length = raw.length();
		int start = 0;
		int percent = -1;
		while (start < length) {
			int end = raw.indexOf('&', start);
			if (end < 0) {
				end = length;
			}
			if (percent < start) {
				// Searched again only once passed, so a long query is scanned once, not once per pair.
				percent = raw.indexOf('%', start);
				if (percent < 0) {
					return;
				}
			}
			if (percent < end) {
				int equals = raw.indexOf('=', start);
				if (equals < 0 || equals > end) {
					equals = end;
				}
				if (equals > start && (!StrictPercentDecoder.isWellFormed(raw, start, equals, charset)
						|| !StrictPercentDecoder.isWellFormed(raw, Math.min(equals + 1, end), end, charset))) {
					String name = StrictPercentDecoder.decode(raw, start, equals, charset, true);
					names.accept((name != null) ? name : raw.substring(start, equals));
				}
			}
			start = end + 1;
		}
	}

	private static void visit(String raw, int start, int equals, int end, Charset charset, Visitor visitor) {
		int valueStart = Math.min(equals + 1, end);
		String name = StrictPercentDecoder.decode(raw, start, equals, charset, true);
		String value = StrictPercentDecoder.decode(raw, valueStart, end, charset, true);
		if (name != null && value != null) {
			visitor.pair(name, value, false);
			return;
		}
		String lenientName = StrictPercentDecoder.decodeLeniently(raw, start, equals, charset);
		String lenientValue = StrictPercentDecoder.decodeLeniently(raw, valueStart, end, charset);
		visitor.pair((name != null) ? name : raw.substring(start, equals),
				(lenientName != null) ? lenientValue : null, true);
	}

	/**
	 * Whether any segment of a still-encoded path is malformed.
	 * @param rawPath the request URI as sent
	 * @param charset charset of the encoded bytes
	 * @return whether a segment does not decode strictly
	 */
	static boolean isPathMalformed(String rawPath, Charset charset) {
		int length = rawPath.length();
		int start = 0;
		while (start <= length) {
			int end = rawPath.indexOf('/', start);
			if (end < 0) {
				end = length;
			}
			if (!StrictPercentDecoder.isWellFormed(rawPath, start, end, charset)) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

}
