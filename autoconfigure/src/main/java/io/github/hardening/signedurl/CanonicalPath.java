package io.github.hardening.signedurl;

/**
 * Byte-wise twin of {@link UrlCanonicalizer#path(String)} for the verifier: every segment percent-decoded once
 * and re-encoded per RFC 3986, with the same refusals (dot segments, empty inner segments, encoded separators,
 * control characters), reporting them as {@code false} instead of an exception.
 */
final class CanonicalPath {

	private CanonicalPath() {
	}

	/**
	 * Appends the canonical form of a raw path.
	 * @param chars the path as received, starting with {@code /}
	 * @param length the path's length
	 * @param out where the canonical path goes
	 * @param temp scratch space for one decoded segment
	 * @return whether the path can be verified safely
	 */
	static boolean append(char[] chars, int length, CanonicalBuffer out, CanonicalBuffer temp) {
		if (length == 0 || chars[0] != '/') {
			return false;
		}
		int i = 1;
		while (true) {
			out.put('/');
			int from = i;
			int start = out.length();
			byte[] bytes = out.reserve(length - from);
			// The common case, copied as it is: a segment of unreserved characters only.
			int end = start;
			for (; i < length && PercentCoding.isUnreserved(chars[i]); i++) {
				bytes[end++] = (byte) chars[i];
			}
			if (i < length && chars[i] != '/') {
				for (; i < length && chars[i] != '/'; i++) {
					// to the end of the segment
				}
				out.setLength(start);
				if (!appendDecoded(chars, from, i, i == length, out, temp)) {
					return false;
				}
			}
			else if ((from == i && i < length) || isDots(chars, from, i)) {
				return false;
			}
			else {
				out.setLength(end);
			}
			if (i == length) {
				return true;
			}
			i++;
		}
	}

	private static boolean appendDecoded(char[] chars, int from, int to, boolean last, CanonicalBuffer out,
			CanonicalBuffer temp) {
		temp.reset();
		if (!PercentCoding.decode(chars, from, to, false, temp)) {
			return false;
		}
		byte[] decoded = temp.array();
		int length = temp.length();
		if ((length == 0 && !last) || isDots(decoded, length)) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			byte b = decoded[i];
			if (b == '/' || b == '\\' || b == ';' || (b >= 0 && b < 0x20) || b == 0x7f) {
				return false;
			}
		}
		PercentCoding.encode(decoded, 0, length, out);
		return true;
	}

	private static boolean isDots(char[] chars, int from, int to) {
		int length = to - from;
		return (length == 1 || length == 2) && chars[from] == '.' && chars[to - 1] == '.';
	}

	private static boolean isDots(byte[] segment, int length) {
		return (length == 1 || length == 2) && segment[0] == '.' && segment[length - 1] == '.';
	}

}
