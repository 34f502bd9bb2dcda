package io.github.hardening.sanitize;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one percent-encoded name or value strictly: an escape that is not {@code %} and two hex digits, or
 * bytes that are not well-formed in the charset (truncated or overlong UTF-8, encoded surrogates), make it
 * malformed rather than being replaced or dropped as the container does.
 */
final class StrictPercentDecoder {

	private StrictPercentDecoder() {
	}

	/**
	 * Decodes {@code raw[start, end)}.
	 * @param raw the still-encoded text
	 * @param start first character
	 * @param end end, exclusive
	 * @param charset charset of the encoded bytes
	 * @param plusIsSpace whether {@code +} means a space (query strings and form bodies)
	 * @return the decoded text, or {@code null} when it is malformed
	 */
	static String decode(String raw, int start, int end, Charset charset, boolean plusIsSpace) {
		if (!needsDecoding(raw, start, end, plusIsSpace)) {
			return raw.substring(start, end);
		}
		byte[] bytes = new byte[(end - start) * 3];
		int length = percentDecode(raw, start, end, charset, plusIsSpace, bytes);
		return (length >= 0) ? strictString(bytes, length, charset) : null;
	}

	/**
	 * Whether {@code raw[start, end)} decodes strictly, without building the decoded text: what the query
	 * check needs, with scratch buffers reused per thread.
	 * @param raw the still-encoded text
	 * @param start first character
	 * @param end end, exclusive
	 * @param charset charset of the encoded bytes
	 * @return whether it is well-formed
	 */
	static boolean isWellFormed(String raw, int start, int end, Charset charset) {
		if (!needsDecoding(raw, start, end, false)) {
			return true;
		}
		Scratch scratch = SCRATCH.get();
		byte[] bytes = scratch.bytes((end - start) * 3);
		int length = percentDecode(raw, start, end, charset, false, bytes);
		if (length < 0) {
			return false;
		}
		CharsetDecoder decoder = (charset == StandardCharsets.UTF_8) ? scratch.utf8 : charset.newDecoder();
		CharBuffer out = scratch.chars(length);
		decoder.reset()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
		return !result.isError() && !decoder.flush(out).isError();
	}

	// Writes the bytes of raw[start, end) into bytes (at least 3 per character); -1 for a broken escape or an
	// unpaired surrogate.
	private static int percentDecode(String raw, int start, int end, Charset charset, boolean plusIsSpace,
			byte[] bytes) {
		int length = 0;
		for (int i = start; i < end; i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = (i + 2 < end) ? Character.digit(raw.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(raw.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return -1;
				}
				bytes[length++] = (byte) ((high << 4) | low);
				i += 2;
			}
			else if (c == '+' && plusIsSpace) {
				bytes[length++] = ' ';
			}
			else if (c < 0x80) {
				bytes[length++] = (byte) c;
			}
			else {
				// A container that let a raw non-ASCII character through has already decoded it.
				int codePoint = raw.codePointAt(i);
				if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
					return -1;
				}
				byte[] encoded = Character.toString(codePoint).getBytes(charset);
				System.arraycopy(encoded, 0, bytes, length, encoded.length);
				length += encoded.length;
				i += Character.charCount(codePoint) - 1;
			}
		}
		return length;
	}

	/**
	 * Decodes bytes as the container does, replacing malformed sequences, for values a handler takes raw.
	 * @param raw the still-encoded text
	 * @param start first character
	 * @param end end, exclusive
	 * @param charset charset of the encoded bytes
	 * @return the decoded text, or {@code null} when an escape is broken (the container drops such values)
	 */
	static String decodeLeniently(String raw, int start, int end, Charset charset) {
		try {
			return java.net.URLDecoder.decode(raw.substring(start, end), charset);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean needsDecoding(String raw, int start, int end, boolean plusIsSpace) {
		for (int i = start; i < end; i++) {
			char c = raw.charAt(i);
			if (c == '%' || c >= 0x80 || (c == '+' && plusIsSpace)) {
				return true;
			}
		}
		return false;
	}

	private static String strictString(byte[] bytes, int length, Charset charset) {
		CharsetDecoder decoder = (charset == StandardCharsets.UTF_8) ? SCRATCH.get().utf8 : charset.newDecoder();
		try {
			return decoder.reset()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	/** Per-thread buffers; a request larger than the kept size gets fresh ones, so no thread holds much. */
	private static final class Scratch {

		private static final int KEPT = 4096;

		private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

		private byte[] bytes = new byte[256];

		private CharBuffer chars = CharBuffer.allocate(256);

		byte[] bytes(int size) {
			if (size <= this.bytes.length) {
				return this.bytes;
			}
			byte[] fresh = new byte[size];
			if (size <= KEPT) {
				this.bytes = fresh;
			}
			return fresh;
		}

		CharBuffer chars(int size) {
			if (size > this.chars.capacity()) {
				CharBuffer fresh = CharBuffer.allocate(size);
				if (size <= KEPT) {
					this.chars = fresh;
				}
				return fresh;
			}
			return this.chars.clear();
		}

	}

}
