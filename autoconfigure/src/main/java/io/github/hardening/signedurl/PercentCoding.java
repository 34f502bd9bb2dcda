package io.github.hardening.signedurl;

import java.nio.charset.StandardCharsets;

/**
 * Byte-wise percent-decoding and RFC 3986 re-encoding of one URL component, with the same results as
 * {@link UrlCanonicalizer}'s string-based methods (which sign) but without intermediate strings.
 */
final class PercentCoding {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
		for (int i = 0; i < unreserved.length(); i++) {
			UNRESERVED[unreserved.charAt(i)] = true;
		}
	}

	private PercentCoding() {
	}

	/**
	 * Copies unreserved characters from {@code chars[from, to)} to {@code bytes} at {@code at} until another
	 * character; {@code bytes} must have room for all of them.
	 * @return the index of the first character not copied, or {@code to}
	 */
	static int copyUnreserved(char[] chars, int from, int to, byte[] bytes, int at) {
		int offset = at - from;
		int i = from;
		for (; i < to; i++) {
			char c = chars[i];
			if (c >= 128 || !UNRESERVED[c]) {
				break;
			}
			bytes[offset + i] = (byte) c;
		}
		return i;
	}

	static boolean isUnreserved(char c) {
		return c < 128 && UNRESERVED[c];
	}

	/**
	 * Decodes {@code chars[from, to)} into {@code out}: {@code %XX} escapes to their byte, {@code +} to a space
	 * when asked, other characters to their UTF-8 bytes ({@code ?} for an unpaired surrogate).
	 * @return whether every escape was complete and hexadecimal
	 */
	static boolean decode(char[] chars, int from, int to, boolean plusIsSpace, CanonicalBuffer out) {
		for (int i = from; i < to; i++) {
			char c = chars[i];
			if (c == '%') {
				if (i + 2 >= to) {
					return false;
				}
				int hi = Character.digit(chars[i + 1], 16);
				int lo = Character.digit(chars[i + 2], 16);
				if (hi < 0 || lo < 0) {
					return false;
				}
				out.put((hi << 4) | lo);
				i += 2;
			}
			else if (c == '+' && plusIsSpace) {
				out.put(' ');
			}
			else if (c < 0x80) {
				out.put(c);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
				out.putCodePoint(Character.toCodePoint(c, chars[++i]));
			}
			else if (Character.isSurrogate(c)) {
				out.put('?');
			}
			else if (c < 0x800) {
				out.put(0xc0 | (c >> 6));
				out.put(0x80 | (c & 0x3f));
			}
			else {
				out.put(0xe0 | (c >> 12));
				out.put(0x80 | ((c >> 6) & 0x3f));
				out.put(0x80 | (c & 0x3f));
			}
		}
		return true;
	}

	/** Encodes one byte per RFC 3986. */
	static void encode(int b, CanonicalBuffer out) {
		if (b < 128 && UNRESERVED[b]) {
			out.put(b);
		}
		else {
			out.put('%');
			out.put(HEX[b >> 4]);
			out.put(HEX[b & 0xf]);
		}
	}

	/** Encodes bytes per RFC 3986: unreserved ones as they are, every other one as upper-case {@code %XX}. */
	static void encode(byte[] bytes, int from, int to, CanonicalBuffer out) {
		for (int i = from; i < to; i++) {
			int b = bytes[i] & 0xff;
			if (b < 128 && UNRESERVED[b]) {
				out.put(b);
			}
			else {
				out.put('%');
				out.put(HEX[b >> 4]);
				out.put(HEX[b & 0xf]);
			}
		}
	}

	/**
	 * Replaces the bytes of {@code buffer} by what a round trip through a Java string makes of them, so that
	 * ill-formed UTF-8 reads as U+FFFD exactly as {@code new String(bytes, UTF_8)} reads it. Well-formed UTF-8,
	 * the common case, is checked without allocating and left alone.
	 */
	static void normalizeUtf8(CanonicalBuffer buffer) {
		if (isWellFormedUtf8(buffer.array(), buffer.length())) {
			return;
		}
		byte[] normalized = new String(buffer.array(), 0, buffer.length(), StandardCharsets.UTF_8)
			.getBytes(StandardCharsets.UTF_8);
		buffer.reset();
		buffer.put(normalized, 0, normalized.length);
	}

	/** Checks UTF-8 well-formedness per Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF. */
	static boolean isWellFormedUtf8(byte[] bytes, int length) {
		int i = 0;
		while (i < length) {
			int b = bytes[i] & 0xff;
			if (b < 0x80) {
				i++;
				continue;
			}
			int count;
			int min = 0x80;
			int max = 0xbf;
			if (b >= 0xc2 && b <= 0xdf) {
				count = 1;
			}
			else if (b >= 0xe0 && b <= 0xef) {
				count = 2;
				min = (b == 0xe0) ? 0xa0 : 0x80;
				max = (b == 0xed) ? 0x9f : 0xbf;
			}
			else if (b >= 0xf0 && b <= 0xf4) {
				count = 3;
				min = (b == 0xf0) ? 0x90 : 0x80;
				max = (b == 0xf4) ? 0x8f : 0xbf;
			}
			else {
				return false;
			}
			if (i + count >= length) {
				return false;
			}
			int second = bytes[i + 1] & 0xff;
			if (second < min || second > max) {
				return false;
			}
			for (int k = 2; k <= count; k++) {
				int next = bytes[i + k] & 0xff;
				if (next < 0x80 || next > 0xbf) {
					return false;
				}
			}
			i += count + 1;
		}
		return true;
	}

}
