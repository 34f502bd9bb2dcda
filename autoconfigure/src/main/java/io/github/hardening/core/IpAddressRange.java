package io.github.hardening.core;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 */
public final class IpAddressRange {

	private final String notation;

	private final byte[] network;

	private final int prefixLength;

	private IpAddressRange(String notation, byte[] network, int prefixLength) {
		this.notation = notation;
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses a CIDR block; a bare address is a block of one address.
	 * @param cidr the block, e.g. {@code 192.168.0.0/16}
	 * @return the range
	 * @throws IllegalArgumentException when {@code cidr} is not a valid block
	 */
	public static IpAddressRange parse(String cidr) {
		if (cidr == null || cidr.isBlank()) {
			throw new IllegalArgumentException("an empty value is not a CIDR block");
		}
		String text = cidr.trim();
		int slash = text.indexOf('/');
		byte[] address = IpAddresses.parse((slash >= 0) ? text.substring(0, slash) : text);
		if (address == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
		}
		int maxPrefix = address.length * 8;
		int prefix = maxPrefix;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > maxPrefix) {
				throw new IllegalArgumentException(
						"'" + cidr + "' has a prefix length outside 0.." + maxPrefix);
			}
		}
		byte[] network = mask(address, prefix);
		if (!Arrays.equals(network, address)) {
			throw new IllegalArgumentException("'" + cidr + "' has host bits set; did you mean '"
					+ IpAddresses.format(network) + "/" + prefix + "'?");
		}
		return new IpAddressRange(IpAddresses.format(network) + "/" + prefix, network, prefix);
	}

	/**
	 * Tells whether an address lies in this block. IPv4 and IPv6 never match each other.
	 * @param address 4 or 16 bytes
	 * @return whether the address is inside
	 */
	public boolean contains(byte[] address) {
		if (address == null || address.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (address[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - remainingBits)) & 0xff;
		return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] result = address.clone();
		for (int bit = prefix; bit < result.length * 8; bit++) {
			result[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return result;
	}

	@Override
	public String toString() {
		return this.notation;
	}

}
