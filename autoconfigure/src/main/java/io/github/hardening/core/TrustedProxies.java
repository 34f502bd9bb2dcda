package io.github.hardening.core;

import java.util.List;

/**
 * The set of proxy addresses whose forwarding headers are believed.
 */
public final class TrustedProxies {

	/** Loopback, RFC 1918 private, link-local, CGNAT and IPv6 unique-local ranges, as Tomcat's RemoteIpValve trusts. */
	public static final List<String> DEFAULT_RANGES = List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8",
			"172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10");

	private final IpAddressRange[] ranges;

	private TrustedProxies(List<IpAddressRange> ranges) {
		this.ranges = ranges.toArray(IpAddressRange[]::new);
	}

	/**
	 * Builds the set from CIDR blocks.
	 * @param cidrs the blocks
	 * @return the trusted proxies
	 * @throws IllegalArgumentException when a block is invalid
	 */
	public static TrustedProxies of(List<String> cidrs) {
		return new TrustedProxies(cidrs.stream().map(IpAddressRange::parse).toList());
	}

	/**
	 * Tells whether an address belongs to a trusted proxy.
	 * @param address 4 or 16 bytes, may be {@code null}
	 * @return whether it is trusted
	 */
	public boolean isTrusted(byte[] address) {
		if (address == null) {
			return false;
		}
		for (IpAddressRange range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the configured blocks in canonical notation.
	 * @return the blocks
	 */
	public List<String> ranges() {
		return java.util.Arrays.stream(this.ranges).map(IpAddressRange::toString).toList();
	}

}
