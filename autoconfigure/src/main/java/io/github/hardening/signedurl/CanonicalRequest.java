package io.github.hardening.signedurl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * A pooled workspace that verifies one request at a time: reads the raw path and query into canonical bytes,
 * writes the canonical string a signature covers into a reusable buffer and feeds it to a {@link Mac} of its
 * own, so that the hot path builds no strings and allocates nothing once the buffers have grown.
 */
final class CanonicalRequest {

	private static final byte[] NO_SIGNATURE = new byte[0];

	private static final byte[] VERSION = "HSU1\n".getBytes(StandardCharsets.US_ASCII);

	/** Buffers that grew beyond this (a very long request) are not kept for the next request. */
	private static final int MAX_RETAINED_BYTES = 64 * 1024;

	private final CanonicalBuffer components = new CanonicalBuffer(256);

	private final CanonicalBuffer temp = new CanonicalBuffer(64);

	private final CanonicalBuffer canonical = new CanonicalBuffer(256);

	private final QueryParameters query = new QueryParameters();

	/** The raw path, then the raw query: scanning an array is faster than {@code String.charAt}. */
	private char[] chars = new char[256];

	private final Mac[] macs;

	private final byte[] expected = new byte[32];

	private int pathFrom;

	private int pathTo;

	CanonicalRequest(int keyCount) {
		this.macs = new Mac[keyCount];
	}

	/**
	 * Reads a request's raw path and query.
	 * @return whether both are canonicalisable and the signature parameters are well-formed
	 */
	boolean read(String rawPath, String rawQuery, byte[][] parameterNames) {
		this.components.reset();
		this.pathFrom = 0;
		if (rawPath == null) {
			return false;
		}
		this.chars = chars(rawPath);
		if (!CanonicalPath.append(this.chars, rawPath.length(), this.components, this.temp)) {
			return false;
		}
		this.pathTo = this.components.length();
		int queryLength = (rawQuery != null) ? rawQuery.length() : 0;
		if (queryLength > 0) {
			this.chars = chars(rawQuery);
		}
		return this.query.read(this.chars, queryLength, parameterNames, this.components, this.temp);
	}

	private char[] chars(String text) {
		char[] result = (this.chars.length >= text.length()) ? this.chars : new char[2 * text.length()];
		text.getChars(0, text.length(), result, 0);
		return result;
	}

	QueryParameters query() {
		return this.query;
	}

	/** Finds the key the request names, or -1. */
	int keyIndex(SigningKeys keys) {
		return keys.indexOfEncoded(this.components.array(), this.query.from(QueryParameters.KEY_ID),
				this.query.to(QueryParameters.KEY_ID) - this.query.from(QueryParameters.KEY_ID));
	}

	/** Writes the canonical string, byte for byte what {@link UrlSigner#canonical} builds, into the buffer. */
	void writeCanonical(String method, SigningKey key, String user) {
		CanonicalBuffer out = this.canonical;
		byte[] bytes = this.components.array();
		out.reset();
		out.put(VERSION, 0, VERSION.length);
		writeMethod(method, out);
		out.putDecimal(this.pathTo - this.pathFrom);
		out.put(':');
		out.put(bytes, this.pathFrom, this.pathTo - this.pathFrom);
		out.put('\n');
		out.putDecimal(this.query.signed().canonicalLength());
		out.put(':');
		this.query.signed().writeSorted(bytes, out);
		out.put('\n');
		int expires = this.query.from(QueryParameters.EXPIRES);
		out.putDecimal(this.query.to(QueryParameters.EXPIRES) - expires);
		out.put(':');
		out.put(bytes, expires, this.query.to(QueryParameters.EXPIRES) - expires);
		out.put('\n');
		out.put(key.canonicalField(), 0, key.canonicalField().length);
		// Lengths count UTF-16 units, the bytes are UTF-8, as the string-based form always had them.
		out.putDecimal((user != null) ? user.length() : 0);
		out.put(':');
		if (user != null) {
			out.putUtf8(user);
		}
		out.put('\n');
	}

	/** A copy of the canonical string's bytes, for tests. */
	byte[] canonical() {
		return Arrays.copyOf(this.canonical.array(), this.canonical.length());
	}

	private static void writeMethod(String method, CanonicalBuffer out) {
		int start = out.length();
		int length = method.length();
		out.putDecimal(length);
		out.put(':');
		for (int i = 0; i < length; i++) {
			char c = method.charAt(i);
			if (c >= 0x80) {
				// Upper-casing beyond ASCII may change the length: the string-based way, for this rare case.
				String upper = method.toUpperCase(Locale.ROOT);
				out.setLength(start);
				out.putDecimal(upper.length());
				out.put(':');
				out.putUtf8(upper);
				break;
			}
			out.put((c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c);
		}
		out.put('\n');
	}

	/** Tells, in constant time over the MAC bytes, whether the presented signature is the canonical string's MAC. */
	boolean signatureMatches(SigningKeys keys, int keyIndex) {
		Mac mac = mac(keys, keyIndex);
		mac.update(this.canonical.array(), 0, this.canonical.length());
		try {
			mac.doFinal(this.expected, 0);
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException("HMAC-SHA256 returned more than 32 bytes", ex);
		}
		return MessageDigest.isEqual(this.expected,
				this.query.isPresentedCanonical() ? this.query.presented() : NO_SIGNATURE);
	}

	/** Computes a MAC for signing, with this workspace's instance of the key. */
	byte[] mac(SigningKeys keys, int keyIndex, byte[] data) {
		return mac(keys, keyIndex).doFinal(data);
	}

	private Mac mac(SigningKeys keys, int keyIndex) {
		Mac mac = this.macs[keyIndex];
		if (mac == null) {
			mac = keys.key(keyIndex).newMac();
			this.macs[keyIndex] = mac;
		}
		return mac;
	}

	/** The decoded expiry; call only after a successful {@link #read}. */
	long expires() {
		long value = 0;
		for (int i = this.query.from(QueryParameters.EXPIRES); i < this.query.to(QueryParameters.EXPIRES); i++) {
			value = value * 10 + (this.components.get(i) - '0');
		}
		return value;
	}

	/** The decoded value of a signature parameter as a string, or {@code null} when absent. */
	String text(int parameter) {
		if (!this.query.has(parameter)) {
			return null;
		}
		int from = this.query.from(parameter);
		int to = this.query.to(parameter);
		byte[] bytes = this.components.array();
		int i = from;
		while (i < to && bytes[i] != '%') {
			i++;
		}
		if (i == to) {
			// Canonical bytes without an escape are unreserved ASCII: the decoded value itself.
			return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
		}
		this.temp.reset();
		for (i = from; i < to; i++) {
			byte b = this.components.get(i);
			if (b == '%') {
				// Canonical escapes: always two upper-case hexadecimal digits.
				b = (byte) ((Character.digit(this.components.get(i + 1), 16) << 4)
						| Character.digit(this.components.get(i + 2), 16));
				i += 2;
			}
			this.temp.put(b);
		}
		return new String(this.temp.array(), 0, this.temp.length(), StandardCharsets.UTF_8);
	}

	/** The presented signature as received; call only after {@link #signatureMatches} returned {@code true}. */
	String signature() {
		int from = this.query.rawSignatureFrom();
		return (from >= 0) ? new String(this.chars, from, SignatureDecoder.SIGNATURE_CHARS)
				: text(QueryParameters.SIGNATURE);
	}

	boolean isOversized() {
		return this.components.array().length > MAX_RETAINED_BYTES
				|| this.canonical.array().length > MAX_RETAINED_BYTES || this.chars.length > MAX_RETAINED_BYTES;
	}

}
