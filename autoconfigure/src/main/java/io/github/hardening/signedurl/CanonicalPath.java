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
	 * @param rawPath the path as received, starting with {@code /}
	 * @param out where the canonical path goes
	 * @param temp scratch space for one decoded segment
	 * @return whether the path can be verified safely
	 */
	static boolean append(String rawPath, CanonicalBuffer out, CanonicalBuffer temp) {
		if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return false;
		}
		int length = rawPath.length();
		int from = 1;
		while (true) {
			int slash = rawPath.indexOf('/', from);
			boolean last = slash < 0;
			if (!appendSegment(rawPath, from, last ? length : slash, last, out, temp)) {
				return false;
			}
			if (last) {
				return true;
			}
			from = slash + 1;
		}
	}

	private static boolean appendSegment(String path, int from, int to, boolean last, CanonicalBuffer out,
			CanonicalBuffer temp) {
		out.put('/');
		if (from < to && PercentCoding.isUnreserved(path, from, to) && !isDots(path, from, to)) {
			// The common case: nothing to decode or encode.
			out.putAscii(path, from, to);
			return true;
		}
		temp.reset();
		if (!PercentCoding.decode(path, from, to, false, temp)) {
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

	private static boolean isDots(String path, int from, int to) {
		int length = to - from;
		return (length == 1 || length == 2) && path.charAt(from) == '.' && path.charAt(to - 1) == '.';
	}

	private static boolean isDots(byte[] segment, int length) {
		return (length == 1 || length == 2) && segment[0] == '.' && segment[length - 1] == '.';
	}

}
