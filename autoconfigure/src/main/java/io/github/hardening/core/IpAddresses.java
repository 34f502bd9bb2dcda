package io.github.hardening.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses and prints IP address literals without ever touching DNS.
 */
public final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * Parses an IPv4 or IPv6 literal (IPv6 optionally in brackets or with a zone id).
	 * @param text the literal
	 * @return 4 or 16 bytes, or {@code null} when {@code text} is not an IP literal
	 */
	public static byte[] parse(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		String s = text;
		if (s.charAt(0) == '[') {
			if (s.charAt(s.length() - 1) != ']') {
				return null;
			}
			s = s.substring(1, s.length() - 1);
		}
		return (s.indexOf(':') >= 0) ? parseIpv6(s) : parseIpv4(s);
	}

	/**
	 * Returns the canonical text of an address: dotted quad for IPv4 (also for IPv4-mapped IPv6),
	 * RFC 5952 compressed lower case for IPv6.
	 * @param address 4 or 16 bytes
	 * @return the canonical text
	 */
	public static String format(byte[] address) {
		if (address.length == 4) {
			return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
					+ (address[3] & 0xff);
		}
		return formatIpv6(address);
	}

	/**
	 * Returns the canonical text of an IP literal, or {@code null} when it is not one.
	 * @param text the literal
	 * @return canonical text or {@code null}
	 */
	public static String canonical(String text) {
		byte[] bytes = parse(text);
		return (bytes != null) ? format(bytes) : null;
	}

	private static byte[] parseIpv4(String s) {
		byte[] result = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				value = (value < 0) ? (c - '0') : value * 10 + (c - '0');
				if (value > 255) {
					return null;
				}
			}
			else if (c == '.' && value >= 0 && part < 3) {
				result[part++] = (byte) value;
				value = -1;
			}
			else {
				return null;
			}
		}
		if (part != 3 || value < 0) {
			return null;
		}
		result[3] = (byte) value;
		return result;
	}

	private static byte[] parseIpv6(String s) {
		int zone = s.indexOf('%');
		String literal = (zone >= 0) ? s.substring(0, zone) : s;
		if (literal.length() < 2 || literal.length() > 45) {
			return null;
		}
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
					|| c == '.';
			if (!allowed) {
				return null;
			}
		}
		try {
			// Only hex digits, ':' and '.' reach this point, so the JDK parses a literal and never resolves a name.
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static String formatIpv6(byte[] a) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 0;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int start = i;
			while (i < 8 && groups[i] == 0) {
				i++;
			}
			if (i - start > bestLength) {
				bestStart = start;
				bestLength = i - start;
			}
		}
		if (bestLength < 2) {
			bestStart = -1;
		}
		StringBuilder sb = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				sb.append("::");
				i += bestLength - 1;
				continue;
			}
			if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
				sb.append(':');
			}
			sb.append(Integer.toHexString(groups[i]));
		}
		return sb.toString();
	}

}
