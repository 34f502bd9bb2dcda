package io.github.hardening.ratelimit;

/**
 * One bandwidth of a policy as advertised to clients: {@code capacity} requests per {@code windowSeconds}.
 *
 * @param name item name in the RateLimit-Policy and RateLimit fields
 * @param capacity quota, the largest burst
 * @param windowSeconds window over which the quota refills
 */
public record Quota(String name, long capacity, long windowSeconds) {

	/**
	 * Returns the nanoseconds a bandwidth needs to refill completely from {@code available} tokens.
	 * @param available tokens left
	 * @return nanoseconds until the bucket is full again
	 */
	public long nanosToFull(long available) {
		long missing = Math.max(0, this.capacity - Math.max(0, available));
		// Greedy refill: one token every window/capacity; the multiplication stays far below Long.MAX_VALUE for
		// any sane quota (capacity and window fit in int-ish ranges after validation).
		return (long) ((double) missing * this.windowSeconds * 1_000_000_000L / this.capacity);
	}

}
