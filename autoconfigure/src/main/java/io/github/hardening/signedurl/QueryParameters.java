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

	private int[] merge = new int[16];

	/**
	 * Reads a raw query; {@code +} is a space and a name without {@code =} has an empty value, as the servlet
	 * API reads them.
	 * @return whether every escape is valid, no signature parameter is repeated, and the expiry, key id and
	 * signature are present with an expiry of 1 to 12 digits
	 */
	boolean read(String query, byte[][] names, CanonicalBuffer out, CanonicalBuffer temp) {
		this.count = 0;
		Arrays.fill(this.reserved, -1);
		int length = (query != null) ? query.length() : 0;
		int from = 0;
		while (from < length) {
			int amp = from;
			int eq = -1;
			for (char c; amp < length && (c = query.charAt(amp)) != '&'; amp++) {
				if (c == '=' && eq < 0) {
					eq = amp;
				}
			}
			if (amp > from && !readPair(query, from, (eq >= 0) ? eq : amp, (eq >= 0) ? eq + 1 : amp, amp, names, out,
					temp)) {
				return false;
			}
			from = amp + 1;
		}
		return has(EXPIRES) && has(KEY_ID) && has(SIGNATURE) && isEpochSeconds(out.array());
	}

	private boolean readPair(String query, int nameFrom, int nameTo, int valueFrom, int valueTo, byte[][] names,
			CanonicalBuffer out, CanonicalBuffer temp) {
		int name = out.length();
		if (!appendCanonical(query, nameFrom, nameTo, out, temp)) {
			return false;
		}
		int value = out.length();
		if (!appendCanonical(query, valueFrom, valueTo, out, temp)) {
			return false;
		}
		byte[] bytes = out.array();
		// A canonical name equals a signature parameter's (unreserved) name exactly when the decoded name does.
		for (int r = 0; r < names.length; r++) {
			if (Arrays.equals(names[r], 0, names[r].length, bytes, name, value)) {
				if (this.reserved[2 * r] >= 0) {
					return false;
				}
				this.reserved[2 * r] = value;
				this.reserved[2 * r + 1] = out.length();
				if (r <= SIGNATURE) {
					return true;
				}
				break;
			}
		}
		if (4 * this.count + 4 > this.signed.length) {
			this.signed = Arrays.copyOf(this.signed, this.signed.length * 2);
		}
		int at = 4 * this.count++;
		this.signed[at] = name;
		this.signed[at + 1] = value;
		this.signed[at + 2] = value;
		this.signed[at + 3] = out.length();
		return true;
	}

	/** Appends the canonical form of a raw name or value: decoded once, read as UTF-8, re-encoded. */
	private static boolean appendCanonical(String text, int from, int to, CanonicalBuffer out, CanonicalBuffer temp) {
		if (PercentCoding.isUnreserved(text, from, to)) {
			out.putAscii(text, from, to);
			return true;
		}
		temp.reset();
		if (!PercentCoding.decode(text, from, to, true, temp)) {
			return false;
		}
		PercentCoding.normalizeUtf8(temp);
		PercentCoding.encode(temp.array(), 0, temp.length(), out);
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
		int result = Arrays.compareUnsigned(bytes, s[4 * a], s[4 * a + 1], bytes, s[4 * b], s[4 * b + 1]);
		return (result != 0) ? result
				: Arrays.compareUnsigned(bytes, s[4 * a + 2], s[4 * a + 3], bytes, s[4 * b + 2], s[4 * b + 3]);
	}

}
