package io.github.hardening.signedurl;

import java.util.Arrays;

/**
 * A growable byte array that is reset and reused across requests, so building a canonical form allocates
 * nothing once it has grown to the size of the longest request seen.
 */
final class CanonicalBuffer {

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
			1000000000 };

	private byte[] bytes;

	private int length;

	CanonicalBuffer(int capacity) {
		this.bytes = new byte[capacity];
	}

	byte[] array() {
		return this.bytes;
	}

	int length() {
		return this.length;
	}

	void reset() {
		this.length = 0;
	}

	/** Sets the length, after writing up to it directly into the array that {@link #reserve} returned. */
	void setLength(int length) {
		this.length = length;
	}

	/**
	 * Makes room for {@code count} more bytes and returns the array, for loops that write bytes directly and
	 * then call {@link #setLength}.
	 */
	byte[] reserve(int count) {
		ensure(count);
		return this.bytes;
	}

	byte get(int index) {
		return this.bytes[index];
	}

	void put(int b) {
		if (this.length == this.bytes.length) {
			grow(1);
		}
		this.bytes[this.length++] = (byte) b;
	}

	void put(byte[] source, int offset, int count) {
		ensure(count);
		System.arraycopy(source, offset, this.bytes, this.length, count);
		this.length += count;
	}

	/** Appends characters that are all below 0x80. */
	void putAscii(String text) {
		putAscii(text, 0, text.length());
	}

	/** Appends {@code text[from, to)}, whose characters are all below 0x80. */
	void putAscii(String text, int from, int to) {
		ensure(to - from);
		for (int i = from; i < to; i++) {
			this.bytes[this.length++] = (byte) text.charAt(i);
		}
	}

	/** Appends a non-negative number in decimal, as {@code StringBuilder.append(int)} writes it. */
	void putDecimal(int value) {
		int digits = (value < 10) ? 1 : (value < 100) ? 2 : (value < 1000) ? 3 : (value < 10000) ? 4 : 10;
		if (digits == 10) {
			while (digits > 1 && value / POWERS_OF_TEN[digits - 1] == 0) {
				digits--;
			}
		}
		ensure(digits);
		int rest = value;
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.bytes[i] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		this.length += digits;
	}

	/**
	 * Appends a string in UTF-8 exactly as {@code String.getBytes(UTF_8)} encodes it, including the {@code ?}
	 * that replaces an unpaired surrogate.
	 */
	void putUtf8(String text) {
		int count = text.length();
		ensure(count * 3);
		for (int i = 0; i < count; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				this.bytes[this.length++] = (byte) c;
			}
			else if (c < 0x800) {
				this.bytes[this.length++] = (byte) (0xc0 | (c >> 6));
				this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(text.charAt(i + 1))) {
				putCodePoint(Character.toCodePoint(c, text.charAt(++i)));
			}
			else if (Character.isSurrogate(c)) {
				this.bytes[this.length++] = '?';
			}
			else {
				this.bytes[this.length++] = (byte) (0xe0 | (c >> 12));
				this.bytes[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
				this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
			}
		}
	}

	/** Appends a supplementary code point (above U+FFFF) as four UTF-8 bytes. */
	void putCodePoint(int codePoint) {
		ensure(4);
		this.bytes[this.length++] = (byte) (0xf0 | (codePoint >> 18));
		this.bytes[this.length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
		this.bytes[this.length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
		this.bytes[this.length++] = (byte) (0x80 | (codePoint & 0x3f));
	}

	private void ensure(int count) {
		if (this.length + count > this.bytes.length) {
			grow(count);
		}
	}

	private void grow(int count) {
		this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + count));
	}

}
