package io.github.hardening.signedurl;

import java.util.Arrays;

/**
 * The parameters of one raw query, read in a single pass into canonical (decoded once, RFC 3986 re-encoded)
 * bytes of a shared buffer and kept as offsets: the signature's own parameters, each allowed once, and the
 * parameters the signature covers, sortable by name then value without allocating.
 */
final class QueryParameters {

	/** Index of the expiry among the signature parameters, in {@link SignedUrlParameters#validated()} order. */
	static final int EXPIRES = 0;

	static final int KEY_ID = 1;

	static final int SIGNATURE = 2;

	static final int NONCE = 3;

	static final int CLIENT = 4;

	static final int USER = 5;

	private static final int INSERTION_SORT_MAX = 12;

	/** Start and end offset of each signature parameter's value, or -1 when absent. */
	private final int[] reserved = new int[12];

	/** Name start, name end, value start, value end of each signed parameter, in query order. */
	private int[] signed = new int[64];

	private int count;

	private int[] order = new int[16];

	/** The presented signature's bytes, when it is in canonical base64url form. */
	private final byte[] presented = new byte[32];

	private boolean presentedCanonical;

	/** Start of the signature in the raw query when it was decoded from there directly, or -1. */
	private int rawSignatureFrom;

	private byte[][] lengthMaskNames;

	/** Bit n set when a signature parameter's name has n bytes: most names are ruled out by their length. */
	private long lengthMask;

	private int[] merge = new int[16];

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
		this.count = 0;
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
		// per character; a name or value with anything else goes through appendDecoded.
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
				i = appendDecoded(chars, from, length, true, out, temp);
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
					i = appendDecoded(chars, from, length, false, out, temp);
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

	/**
	 * Appends the canonical form (decoded once, read as UTF-8, re-encoded) of the name or value that starts at
	 * {@code from} and ends before the next {@code &}, or {@code =} for a name.
	 * @return the index where it ends, or -1 when a percent escape is invalid
	 */
	private static int appendDecoded(char[] chars, int from, int length, boolean name, CanonicalBuffer out,
			CanonicalBuffer temp) {
		int start = out.length();
		int ascii = appendAscii(chars, from, length, name, out);
		if (ascii != -2) {
			return ascii;
		}
		out.setLength(start);
		int i = from;
		for (char c; i < length && (c = chars[i]) != '&' && !(name && c == '='); i++) {
			// to the end of the name or value
		}
		temp.reset();
		if (!PercentCoding.decode(chars, from, i, true, temp)) {
			return -1;
		}
		PercentCoding.normalizeUtf8(temp);
		PercentCoding.encode(temp.array(), 0, temp.length(), out);
		return i;
	}

	/**
	 * One pass for a name or value that decodes to ASCII only, such as {@code report%202026.pdf}: decodes each
	 * character or escape and re-encodes it at once, since ASCII needs no UTF-8 check.
	 * @return the index where it ends, -1 when a percent escape is invalid, or -2 when a byte above 0x7F
	 * turns up and the general path must take over
	 */
	private static int appendAscii(char[] chars, int from, int length, boolean name, CanonicalBuffer out) {
		int i = from;
		for (char c; i < length && (c = chars[i]) != '&' && !(name && c == '='); i++) {
			int b = c;
			if (c == '%') {
				if (i + 2 >= length) {
					return -1;
				}
				int hi = Character.digit(chars[i + 1], 16);
				int lo = Character.digit(chars[i + 2], 16);
				if (hi < 0 || lo < 0) {
					// Invalid, or an escape at the very end whose next characters belong to the next parameter.
					return -2;
				}
				b = (hi << 4) | lo;
				i += 2;
			}
			else if (c == '+') {
				b = ' ';
			}
			if (b >= 0x80) {
				return -2;
			}
			PercentCoding.encode(b, out);
		}
		return i;
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
		if (4 * this.count + 4 > this.signed.length) {
			this.signed = Arrays.copyOf(this.signed, this.signed.length * 2);
		}
		int at = 4 * this.count++;
		this.signed[at] = name;
		this.signed[at + 1] = value;
		this.signed[at + 2] = value;
		this.signed[at + 3] = end;
		return true;
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

	/** Length of the canonical query: every signed {@code name=value}, joined by {@code &}. */
	int canonicalLength() {
		int length = Math.max(0, this.count - 1);
		for (int i = 0; i < 4 * this.count; i += 4) {
			length += this.signed[i + 1] - this.signed[i] + 1 + this.signed[i + 3] - this.signed[i + 2];
		}
		return length;
	}

	/** Writes the signed parameters sorted by name then value, as the canonical query. */
	void writeSorted(byte[] bytes, CanonicalBuffer out) {
		sort(bytes);
		for (int k = 0; k < this.count; k++) {
			int at = 4 * this.order[k];
			if (k > 0) {
				out.put('&');
			}
			out.put(bytes, this.signed[at], this.signed[at + 1] - this.signed[at]);
			out.put('=');
			out.put(bytes, this.signed[at + 2], this.signed[at + 3] - this.signed[at + 2]);
		}
	}

	private void sort(byte[] bytes) {
		if (this.order.length < this.count) {
			this.order = new int[Math.max(this.count, 2 * this.order.length)];
			this.merge = new int[this.order.length];
		}
		for (int i = 0; i < this.count; i++) {
			this.order[i] = i;
		}
		if (this.count <= INSERTION_SORT_MAX) {
			for (int i = 1; i < this.count; i++) {
				int current = this.order[i];
				int j = i - 1;
				for (; j >= 0 && compare(bytes, this.order[j], current) > 0; j--) {
					this.order[j + 1] = this.order[j];
				}
				this.order[j + 1] = current;
			}
		}
		else {
			mergeSort(bytes, 0, this.count);
		}
	}

	/** Sorts {@code order[from, to)}; bounded O(n log n) for queries with many parameters. */
	private void mergeSort(byte[] bytes, int from, int to) {
		if (to - from < 2) {
			return;
		}
		int middle = (from + to) >>> 1;
		mergeSort(bytes, from, middle);
		mergeSort(bytes, middle, to);
		System.arraycopy(this.order, from, this.merge, from, to - from);
		int left = from;
		int right = middle;
		for (int k = from; k < to; k++) {
			boolean takeLeft = right >= to || (left < middle && compare(bytes, this.merge[left], this.merge[right]) <= 0);
			this.order[k] = takeLeft ? this.merge[left++] : this.merge[right++];
		}
	}

	/** Compares by name, then value, as {@code String.compareTo} orders the canonical (ASCII) strings. */
	private int compare(byte[] bytes, int a, int b) {
		int[] s = this.signed;
		int result = compare(bytes, s[4 * a], s[4 * a + 1], s[4 * b], s[4 * b + 1]);
		return (result != 0) ? result : compare(bytes, s[4 * a + 2], s[4 * a + 3], s[4 * b + 2], s[4 * b + 3]);
	}

	/** Compares two ranges of ASCII bytes lexicographically, a prefix first; names and values are short. */
	private static int compare(byte[] bytes, int aFrom, int aTo, int bFrom, int bTo) {
		int common = Math.min(aTo - aFrom, bTo - bFrom);
		for (int k = 0; k < common; k++) {
			int difference = bytes[aFrom + k] - bytes[bFrom + k];
			if (difference != 0) {
				return difference;
			}
		}
		return (aTo - aFrom) - (bTo - bFrom);
	}

}
