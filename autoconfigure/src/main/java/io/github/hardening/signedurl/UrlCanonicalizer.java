package io.github.hardening.signedurl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical forms of a URL's path and query, so that every spelling the server treats alike signs alike
 * and anything it could treat differently signs differently.
 */
public final class UrlCanonicalizer {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UrlCanonicalizer() {
	}

	/**
	 * Canonicalises a path as received (still percent-encoded): every segment is percent-decoded once and
	 * re-encoded per RFC 3986. Dot segments, empty inner segments, encoded separators ({@code %2F},
	 * {@code %5C}) and control characters are refused, because servers and proxies disagree about them.
	 * @param rawPath the path, starting with {@code /}
	 * @return the canonical path
	 * @throws IllegalArgumentException when the path cannot be signed or verified safely
	 */
	public static String path(String rawPath) {
		if (rawPath == null || !rawPath.startsWith("/")) {
			throw new IllegalArgumentException("the path must start with /");
		}
		StringBuilder result = new StringBuilder(rawPath.length() + 8);
		String[] segments = rawPath.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			if (!segment.isEmpty() && isUnreserved(segment) && !segment.equals(".") && !segment.equals("..")) {
				// The common case: nothing to decode or encode.
				result.append('/').append(segment);
				continue;
			}
			byte[] decoded = decode(segment, false);
			boolean last = i == segments.length - 1;
			if (decoded.length == 0 && !last) {
				throw new IllegalArgumentException("empty path segment");
			}
			if (isDotSegment(decoded)) {
				throw new IllegalArgumentException("dot segment in the path");
			}
			for (byte b : decoded) {
				if (b == '/' || b == '\\' || b == ';' || (b >= 0 && b < 0x20) || b == 0x7f) {
					throw new IllegalArgumentException("encoded separator or control character in the path");
				}
			}
			result.append('/');
			encode(decoded, result);
		}
		return result.toString();
	}

	/**
	 * Splits a raw query into decoded name and value pairs, in their order; {@code +} decodes to a space
	 * and a name without {@code =} has an empty value, as the servlet API reads them.
	 * @param rawQuery the query as received, without {@code ?}; may be {@code null}
	 * @return the pairs
	 * @throws IllegalArgumentException when a percent escape is invalid
	 */
	public static List<String[]> parameters(String rawQuery) {
		List<String[]> result = new ArrayList<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return result;
		}
		for (String part : rawQuery.split("&")) {
			if (part.isEmpty()) {
				continue;
			}
			int eq = part.indexOf('=');
			String name = (eq >= 0) ? part.substring(0, eq) : part;
			String value = (eq >= 0) ? part.substring(eq + 1) : "";
			result.add(new String[] { decodeText(name), decodeText(value) });
		}
		return result;
	}

	/**
	 * Encodes a value per RFC 3986: unreserved characters as they are, every other UTF-8 byte as
	 * {@code %XX} in upper case.
	 * @param value the decoded value
	 * @return the encoded value
	 */
	public static String encode(String value) {
		if (isUnreserved(value)) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length() + 8);
		encode(value.getBytes(StandardCharsets.UTF_8), result);
		return result.toString();
	}

	private static void encode(byte[] bytes, StringBuilder out) {
		for (byte b : bytes) {
			int c = b & 0xff;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
			}
		}
	}

	private static String decodeText(String text) {
		return isUnreserved(text) ? text : new String(decode(text, true), StandardCharsets.UTF_8);
	}

	private static boolean isUnreserved(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~')) {
				return false;
			}
		}
		return true;
	}

	private static byte[] decode(String text, boolean plusIsSpace) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("truncated percent escape");
				}
				int hi = Character.digit(text.charAt(i + 1), 16);
				int lo = Character.digit(text.charAt(i + 2), 16);
				if (hi < 0 || lo < 0) {
					throw new IllegalArgumentException("invalid percent escape");
				}
				out.write((hi << 4) | lo);
				i += 2;
			}
			else if (c == '+' && plusIsSpace) {
				out.write(' ');
			}
			else if (c < 0x80) {
				out.write(c);
			}
			else {
				int codePoint = text.codePointAt(i);
				byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
				out.write(utf8, 0, utf8.length);
				i += Character.charCount(codePoint) - 1;
			}
		}
		return out.toByteArray();
	}

	private static boolean isDotSegment(byte[] segment) {
		return (segment.length == 1 && segment[0] == '.')
				|| (segment.length == 2 && segment[0] == '.' && segment[1] == '.');
	}

}
