package io.github.hardening.signedurl;

/**
 * The canonical form of one query name or value that is not made of unreserved characters only (those are
 * copied as they are by {@link QueryParameters}): decoded once, read as UTF-8, re-encoded per RFC 3986.
 */
final class QueryComponent {

	private QueryComponent() {
	}

	/**
	 * Appends the canonical form (decoded once, read as UTF-8, re-encoded) of the name or value that starts at
	 * {@code from} and ends before the next {@code &}, or {@code =} for a name.
	 * @return the index where it ends, or -1 when a percent escape is invalid
	 */
	static int append(char[] chars, int from, int length, boolean name, CanonicalBuffer out,
			CanonicalBuffer temp) {
		int start = out.length();
		int ascii = appendAscii(chars, from, length, name, out);
		if (ascii != -2) {
			return ascii;
		}
		out.setLength(start);
		int i = from;
		for (char c; i < length && (c = chars[i]) != '&' && !(name && c == '='); i++) {
			// to the end of the name or value
		}
		temp.reset();
		if (!PercentCoding.decode(chars, from, i, true, temp)) {
			return -1;
		}
		PercentCoding.normalizeUtf8(temp);
		PercentCoding.encode(temp.array(), 0, temp.length(), out);
		return i;
	}

	/**
	 * One pass for a name or value that decodes to ASCII only, such as {@code report%202026.pdf}: decodes each
	 * character or escape and re-encodes it at once, since ASCII needs no UTF-8 check.
	 * @return the index where it ends, -1 when a percent escape is invalid, or -2 when a byte above 0x7F
	 * turns up and the general path must take over
	 */
	private static int appendAscii(char[] chars, int from, int length, boolean name, CanonicalBuffer out) {
		int i = from;
		for (char c; i < length && (c = chars[i]) != '&' && !(name && c == '='); i++) {
			int b = c;
			if (c == '%') {
				if (i + 2 >= length) {
					return -1;
				}
				int hi = Character.digit(chars[i + 1], 16);
				int lo = Character.digit(chars[i + 2], 16);
				if (hi < 0 || lo < 0) {
					// Invalid, or an escape at the very end whose next characters belong to the next parameter.
					return -2;
				}
				b = (hi << 4) | lo;
				i += 2;
			}
			else if (c == '+') {
				b = ' ';
			}
			if (b >= 0x80) {
				return -2;
			}
			PercentCoding.encode(b, out);
		}
		return i;
	}

}
