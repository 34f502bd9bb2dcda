package io.github.hardening.signedurl;

import java.util.Arrays;

/**
 * Decodes a presented signature only when it is the canonical base64url form of 32 bytes: 43 characters of the
 * url-safe alphabet, no padding, and a last character whose two unused bits are zero, so that no second spelling
 * of a valid signature is accepted.
 */
final class SignatureDecoder {

	/** Length of a 32-byte MAC in base64url without padding. */
	static final int SIGNATURE_CHARS = 43;

	/** Value of each byte in the alphabet, or -1. */
	private static final int[] VALUES = new int[256];

	static {
		Arrays.fill(VALUES, -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = i;
		}
	}

	private SignatureDecoder() {
	}

	/**
	 * Decodes {@code text[from, to)} into {@code out}.
	 * @return whether the text is a canonical signature; {@code out} holds its 32 bytes only then
	 */
	static boolean decode(char[] text, int from, int to, byte[] out) {
		if (to - from != SIGNATURE_CHARS || from < 0 || to > text.length || out.length < 32) {
			return false;
		}
		// Ten groups of four characters to three bytes, then three characters to the last two bytes; an
		// invalid character makes its value, and so the OR of all values, negative. Indexes are affine in the
		// group number, so that the compiler can drop the bounds checks.
		int invalid = 0;
		for (int group = 0; group < 10; group++) {
			int i = from + 4 * group;
			int a = value(text[i]);
			int b = value(text[i + 1]);
			int c = value(text[i + 2]);
			int d = value(text[i + 3]);
			invalid |= a | b | c | d;
			int bits = (a << 18) | (b << 12) | (c << 6) | d;
			out[3 * group] = (byte) (bits >> 16);
			out[3 * group + 1] = (byte) (bits >> 8);
			out[3 * group + 2] = (byte) bits;
		}
		int a = value(text[from + 40]);
		int b = value(text[from + 41]);
		int c = value(text[from + 42]);
		invalid |= a | b | c;
		int bits = (a << 12) | (b << 6) | c;
		out[30] = (byte) (bits >> 10);
		out[31] = (byte) (bits >> 2);
		// 43 characters carry 258 bits: the last two must be zero.
		return invalid >= 0 && (c & 3) == 0;
	}

	/** Decodes canonical query bytes (ASCII) the same way; the rare path of a signature sent with escapes. */
	static boolean decode(byte[] text, int from, int to, byte[] out) {
		char[] chars = new char[to - from];
		for (int i = from; i < to; i++) {
			chars[i - from] = (char) (text[i] & 0xff);
		}
		return decode(chars, 0, chars.length, out);
	}

	/** The character's value in the alphabet, or -1; without a branch. */
	private static int value(char c) {
		return VALUES[c & 0xff] | ((0xff - c) >> 31);
	}

}
