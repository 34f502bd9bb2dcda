package io.github.hardening.signedurl;

import java.util.Arrays;

/**
 * The parameters a signature covers, as offsets of their canonical names and values in a shared buffer, and
 * the canonical query they make: sorted by name then value over an index array, without allocating.
 */
final class SignedParameters {

	private static final int INSERTION_SORT_MAX = 12;

	/** Name start, name end (= value start), value start, value end of each parameter, in query order. */
	private int[] offsets = new int[64];

	private int count;

	private int[] order = new int[16];

	private int[] merge = new int[16];

	void clear() {
		this.count = 0;
	}

	void add(int name, int value, int end) {
		if (4 * this.count + 4 > this.offsets.length) {
			this.offsets = Arrays.copyOf(this.offsets, this.offsets.length * 2);
		}
		int at = 4 * this.count++;
		this.offsets[at] = name;
		this.offsets[at + 1] = value;
		this.offsets[at + 2] = value;
		this.offsets[at + 3] = end;
	}

	/** Length of the canonical query: every signed {@code name=value}, joined by {@code &}. */
	int canonicalLength() {
		int length = Math.max(0, this.count - 1);
		for (int i = 0; i < 4 * this.count; i += 4) {
			length += this.offsets[i + 1] - this.offsets[i] + 1 + this.offsets[i + 3] - this.offsets[i + 2];
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
			out.put(bytes, this.offsets[at], this.offsets[at + 1] - this.offsets[at]);
			out.put('=');
			out.put(bytes, this.offsets[at + 2], this.offsets[at + 3] - this.offsets[at + 2]);
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
		int[] s = this.offsets;
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
