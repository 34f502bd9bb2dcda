package io.github.hardening.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a {@code Range: bytes=...} header against a file length (RFC 9110 section 14).
 */
final class ByteRanges {

	/** Most ranges accepted in one request; more is a denial-of-service pattern, answered with the whole file. */
	static final int MAX_RANGES = 16;

	// Compiled once: String.matches would compile it for every range of every request.
	private static final Pattern RANGE_SPEC = Pattern.compile("[0-9]{0,18}-[0-9]{0,18}");

	private ByteRanges() {
	}

	/** One satisfiable range, inclusive. */
	record Range(long first, long last) {

		long length() {
			return this.last - this.first + 1;
		}

	}

	/**
	 * Parses the header.
	 * @param header the {@code Range} header
	 * @param length the file length
	 * @return the satisfiable ranges (empty: none is satisfiable, answer 416), or {@code null} when the header
	 * is to be ignored (not bytes, malformed, too many ranges, or more bytes than the file), answer 200
	 */
	static List<Range> parse(String header, long length) {
		if (header == null || !header.startsWith("bytes=")) {
			return null;
		}
		String[] specs = header.substring(6).split(",");
		if (specs.length > MAX_RANGES) {
			return null;
		}
		List<Range> result = new ArrayList<>();
		long total = 0;
		for (String raw : specs) {
			String spec = raw.trim();
			int dash = spec.indexOf('-');
			if (dash < 0 || !RANGE_SPEC.matcher(spec).matches() || spec.length() == 1) {
				return null;
			}
			String start = spec.substring(0, dash);
			String end = spec.substring(dash + 1);
			Range range;
			if (start.isEmpty()) {
				long suffix = Long.parseLong(end);
				if (suffix == 0) {
					continue;
				}
				range = new Range(Math.max(0, length - suffix), length - 1);
			}
			else {
				long first = Long.parseLong(start);
				long last = end.isEmpty() ? length - 1 : Math.min(Long.parseLong(end), length - 1);
				if (!end.isEmpty() && Long.parseLong(end) < first) {
					return null;
				}
				if (first >= length) {
					continue;
				}
				range = new Range(first, last);
			}
			if (length == 0) {
				continue;
			}
			total += range.length();
			result.add(range);
		}
		return (total > length) ? null : result;
	}

}
