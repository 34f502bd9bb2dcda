package io.github.hardening.storage.cleanup;

import org.springframework.util.unit.DataSize;

/**
 * Free space under which a file store is under pressure: a percentage of its size or an absolute amount.
 *
 * @param percent percentage of the store's total size, or {@code -1}
 * @param bytes absolute free bytes, or {@code -1}
 */
public record FreeSpaceThreshold(double percent, long bytes) {

	/**
	 * Parses {@code 10%} or a data size such as {@code 500MB}.
	 * @param text the configured value
	 * @return the threshold
	 * @throws IllegalArgumentException when the text is neither
	 */
	public static FreeSpaceThreshold parse(String text) {
		String value = text.trim();
		if (value.endsWith("%")) {
			double percent = Double.parseDouble(value.substring(0, value.length() - 1).trim());
			if (percent <= 0 || percent >= 100) {
				throw new IllegalArgumentException("A percentage is between 0 and 100 (exclusive)");
			}
			return new FreeSpaceThreshold(percent, -1);
		}
		long bytes = DataSize.parse(value).toBytes();
		if (bytes <= 0) {
			throw new IllegalArgumentException("An amount of free space is positive");
		}
		return new FreeSpaceThreshold(-1, bytes);
	}

	/**
	 * Tells whether this much free space is below the threshold.
	 * @param usable usable bytes of the store
	 * @param total total bytes of the store
	 * @return whether the store is under pressure
	 */
	public boolean isBelow(long usable, long total) {
		if (this.percent > 0) {
			return total > 0 && usable * 100.0 / total < this.percent;
		}
		return usable < this.bytes;
	}

	@Override
	public String toString() {
		return (this.percent > 0) ? this.percent + "%" : DataSize.ofBytes(this.bytes).toString();
	}

}
