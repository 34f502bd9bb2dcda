package io.github.hardening.signedurl;

/**
 * The parameters of one raw query, read in a single pass into canonical (decoded once, RFC 3986 re-encoded)
 * bytes of a shared buffer and kept as offsets: the signature's own parameters, each allowed once, and the
 * parameters the signature covers.
 */
final class QueryParameters {

	/** Index of the expiry among the signature parameters, in {@link SignedUrlParameters#validated()} order. */
	static final int EXPIRES = 0;

	static final int KEY_ID = 1;

	static final int SIGNATURE = 2;

	static final int NONCE = 3;

	static final int CLIENT = 4;

	static final int USER = 5;

	/** Start and end offset of each signature parameter's value, or -1 when absent. */
	private final int[] reserved = new int[12];

	private final SignedParameters signed = new SignedParameters();

	/** The presented signature's bytes, when it is in canonical base64url form. */
	private final byte[] presented = new byte[32];

	private boolean presentedCanonical;

	/** Start of the signature in the raw query when it was decoded from there directly, or -1. */
	private int rawSignatureFrom;

	private byte[][] lengthMaskNames;

	/** Bit n set when a signature parameter's name has n bytes: most names are ruled out by their length. */
	private long lengthMask;

	/**
	 * Reads a raw query in one pass; {@code +} is a space and a name without {@code =} has an empty value, as
	 * the servlet API reads them.
	 * @param chars the query as received, without {@code ?}
	 * @param length the query's length
	 * @param names the signature parameters' names, in the order of the index constants
	 * @param out where the canonical names and values go
	 * @param temp scratch space for one decoded name or value
	 * @return whether every escape is valid, no signature parameter is repeated, and the expiry, key id and
	 * signature are present with an expiry of 1 to 12 digits
	 */
	boolean read(char[] chars, int length, byte[][] names, CanonicalBuffer out, CanonicalBuffer temp) {
		this.signed.clear();
		for (int r = 0; r < this.reserved.length; r += 2) {
			this.reserved[r] = -1;
		}
		this.rawSignatureFrom = -1;
		if (this.lengthMaskNames != names) {
			this.lengthMask = 0;
			for (byte[] name : names) {
				this.lengthMask |= 1L << name.length;
			}
			this.lengthMaskNames = names;
		}
		// Unreserved characters, the common case, are copied as they are in the loops below, at most one byte
		// per character; a name or value with anything else goes through QueryComponent.
		byte[] bytes = out.reserve(length);
		int end = out.length();
		int i = 0;
		while (i < length) {
			char c = chars[i];
			if (c == '&') {
				i++;
				continue;
			}
			int name = end;
			int from = i;
			i = PercentCoding.copyUnreserved(chars, i, length, bytes, end);
			end += i - from;
			if (i < length && (c = chars[i]) != '&' && c != '=') {
				out.setLength(name);
				i = QueryComponent.append(chars, from, length, true, out, temp);
				if (i < 0) {
					return false;
				}
				end = out.length();
				bytes = out.reserve(length - i);
			}
			int value = end;
			int parameter = parameter(names, bytes, name, value);
			if (parameter == SIGNATURE && i < length && chars[i] == '=' && this.reserved[2 * SIGNATURE] < 0
					&& readRawSignature(chars, i + 1, length)) {
				// The common case: decoded straight from the query, neither copied nor signed.
				this.reserved[2 * SIGNATURE] = end;
				this.reserved[2 * SIGNATURE + 1] = end;
				i += 1 + SignatureDecoder.SIGNATURE_CHARS + 1;
				continue;
			}
			if (i < length && chars[i] == '=') {
				from = ++i;
				i = PercentCoding.copyUnreserved(chars, i, length, bytes, end);
				end += i - from;
				if (i < length && chars[i] != '&') {
					out.setLength(value);
					i = QueryComponent.append(chars, from, length, false, out, temp);
					if (i < 0) {
						return false;
					}
					end = out.length();
					bytes = out.reserve(length - i);
				}
			}
			if (!add(parameter, name, value, end)) {
				return false;
			}
			i++;
		}
		out.setLength(end);
		if (!has(EXPIRES) || !has(KEY_ID) || !has(SIGNATURE) || !isEpochSeconds(bytes)) {
			return false;
		}
		if (this.rawSignatureFrom < 0) {
			this.presentedCanonical = SignatureDecoder.decode(bytes, from(SIGNATURE), to(SIGNATURE), this.presented);
		}
		return true;
	}

	private boolean readRawSignature(char[] chars, int from, int length) {
		int to = from + SignatureDecoder.SIGNATURE_CHARS;
		if ((to == length || (to < length && chars[to] == '&'))
				&& SignatureDecoder.decode(chars, from, to, this.presented)) {
			this.presentedCanonical = true;
			this.rawSignatureFrom = from;
			return true;
		}
		return false;
	}

	/** Which signature parameter the canonical name {@code bytes[from, to)} is, or -1 for none. */
	private int parameter(byte[][] names, byte[] bytes, int from, int to) {
		int length = to - from;
		if (length >= 64 || (this.lengthMask & (1L << length)) == 0) {
			return -1;
		}
		// A canonical name equals a signature parameter's (unreserved) name exactly when the decoded name does.
		for (int r = 0; r < names.length; r++) {
			if (equals(names[r], bytes, from, to)) {
				return r;
			}
		}
		return -1;
	}

	private boolean add(int parameter, int name, int value, int end) {
		if (parameter >= 0) {
			if (this.reserved[2 * parameter] >= 0) {
				return false;
			}
			this.reserved[2 * parameter] = value;
			this.reserved[2 * parameter + 1] = end;
			if (parameter <= SIGNATURE) {
				return true;
			}
		}
		this.signed.add(name, value, end);
		return true;
	}

	/** The parameters the signature covers. */
	SignedParameters signed() {
		return this.signed;
	}

	/** The presented signature's 32 bytes; valid only when {@link #isPresentedCanonical()}. */
	byte[] presented() {
		return this.presented;
	}

	/** Whether the presented signature is the canonical base64url form of 32 bytes. */
	boolean isPresentedCanonical() {
		return this.presentedCanonical;
	}

	/** Start of the signature in the raw query when it was read from there, or -1 when it is in the buffer. */
	int rawSignatureFrom() {
		return this.rawSignatureFrom;
	}

	private static boolean equals(byte[] name, byte[] bytes, int from, int to) {
		if (name.length != to - from) {
			return false;
		}
		for (int i = 0; i < name.length; i++) {
			if (name[i] != bytes[from + i]) {
				return false;
			}
		}
		return true;
	}

	private boolean isEpochSeconds(byte[] bytes) {
		int length = to(EXPIRES) - from(EXPIRES);
		if (length < 1 || length > 12) {
			return false;
		}
		for (int i = from(EXPIRES); i < to(EXPIRES); i++) {
			if (bytes[i] < '0' || bytes[i] > '9') {
				return false;
			}
		}
		return true;
	}

	boolean has(int parameter) {
		return this.reserved[2 * parameter] >= 0;
	}

	int from(int parameter) {
		return this.reserved[2 * parameter];
	}

	int to(int parameter) {
		return this.reserved[2 * parameter + 1];
	}


}
