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

	private static final byte[] VALUES = new byte[128];

	static {
		Arrays.fill(VALUES, (byte) -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private SignatureDecoder() {
	}

	/**
	 * Decodes {@code text[from, to)} into {@code out}.
	 * @return whether the text is a canonical signature; {@code out} holds its 32 bytes only then
	 */
	static boolean decode(byte[] text, int from, int to, byte[] out) {
		if (to - from != SIGNATURE_CHARS) {
			return false;
		}
		int bits = 0;
		int pending = 0;
		int written = 0;
		for (int i = from; i < to; i++) {
			int c = text[i];
			int value = (c >= 0) ? VALUES[c] : -1;
			if (value < 0) {
				return false;
			}
			bits = (bits << 6) | value;
			pending += 6;
			if (pending >= 8) {
				pending -= 8;
				out[written++] = (byte) (bits >> pending);
			}
		}
		// 43 characters carry 258 bits: the last two must be zero.
		return (bits & ((1 << pending) - 1)) == 0;
	}

}
