package io.github.hardening.core;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the {@link ClientAddress} of a request, believing forwarding headers only when the immediate
 * peer is a trusted proxy, and walking the forwarded chain right to left past trusted hops, so that a
 * client cannot choose its own address by sending {@code X-Forwarded-For}.
 */
public class ClientAddressResolver {

	/** Request attribute holding the resolved {@link ClientAddress}. */
	public static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".ADDRESS";

	private final TrustedProxies trustedProxies;

	private final boolean useForwardedHeader;

	/**
	 * Creates a resolver.
	 * @param trustedProxies the proxies whose headers are believed
	 * @param useForwardedHeader whether RFC 7239 {@code Forwarded} is read (it wins over {@code X-Forwarded-*})
	 */
	public ClientAddressResolver(TrustedProxies trustedProxies, boolean useForwardedHeader) {
		this.trustedProxies = trustedProxies;
		this.useForwardedHeader = useForwardedHeader;
	}

	/**
	 * Returns the client address of a request, resolved once and then cached on the request.
	 * @param request the request
	 * @return the client address
	 */
	public ClientAddress resolve(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof ClientAddress address) {
			return address;
		}
		ClientAddress address = compute(request);
		request.setAttribute(ATTRIBUTE, address);
		return address;
	}

	/**
	 * Returns the proxies this resolver trusts.
	 * @return the trusted proxies
	 */
	public TrustedProxies trustedProxies() {
		return this.trustedProxies;
	}

	private ClientAddress compute(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		byte[] remoteBytes = IpAddresses.parse(remote);
		// The container's dotted IPv4 text is already canonical; only IPv6 (and mapped IPv4) need rewriting.
		String remoteIp = (remoteBytes == null || (remoteBytes.length == 4 && remote.indexOf(':') < 0)) ? remote
				: IpAddresses.format(remoteBytes);
		String scheme = request.isSecure() ? "https" : "http";
		if (!this.trustedProxies.isTrusted(remoteBytes)) {
			return new ClientAddress(remoteIp, scheme, request.getServerName(), request.getServerPort(), false);
		}
		ForwardedHeaders headers = ForwardedHeaders.read(request, this.useForwardedHeader);
		if (headers.isEmpty()) {
			return new ClientAddress(remoteIp, scheme, request.getServerName(), request.getServerPort(), false);
		}
		int hopCount = headers.nodes().size();
		String clientIp = remoteIp;
		int clientIndex = -1;
		for (int i = hopCount - 1; i >= 0; i--) {
			byte[] hop = IpAddresses.parse(nodeAddress(headers.nodes().get(i)));
			if (hop == null) {
				// "unknown", an obfuscated node or garbage: nothing left of it can be believed.
				break;
			}
			clientIp = IpAddresses.format(hop);
			clientIndex = i;
			if (!this.trustedProxies.isTrusted(hop)) {
				break;
			}
		}
		String forwardedScheme = normaliseScheme(ForwardedHeaders.forHop(headers.protos(), clientIndex, hopCount));
		String forwardedHost = ForwardedHeaders.forHop(headers.hosts(), clientIndex, hopCount);
		String forwardedPort = ForwardedHeaders.forHop(headers.ports(), clientIndex, hopCount);
		String resolvedScheme = (forwardedScheme != null) ? forwardedScheme : scheme;
		String host = request.getServerName();
		int port = (forwardedScheme != null) ? defaultPort(resolvedScheme) : request.getServerPort();
		HostAndPort parsedHost = HostAndPort.parse(forwardedHost);
		if (parsedHost != null) {
			host = parsedHost.host();
			if (parsedHost.port() > 0) {
				port = parsedHost.port();
			}
		}
		int explicitPort = parsePort(forwardedPort);
		if (explicitPort > 0) {
			port = explicitPort;
		}
		return new ClientAddress(clientIp, resolvedScheme, host, port, true);
	}

	private static String nodeAddress(String node) {
		if (node == null || node.isEmpty()) {
			return null;
		}
		if (node.charAt(0) == '[') {
			int end = node.indexOf(']');
			return (end > 0) ? node.substring(0, end + 1) : null;
		}
		int colon = node.indexOf(':');
		if (colon > 0 && node.indexOf(':', colon + 1) < 0) {
			return node.substring(0, colon);
		}
		return node;
	}

	private static String normaliseScheme(String proto) {
		if (proto == null) {
			return null;
		}
		String lower = proto.trim().toLowerCase(Locale.ROOT);
		return switch (lower) {
			case "https", "wss" -> "https";
			case "http", "ws" -> "http";
			default -> null;
		};
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : 80;
	}

	private static int parsePort(String value) {
		if (value == null || value.isEmpty() || value.length() > 5) {
			return -1;
		}
		int port = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			port = port * 10 + (c - '0');
		}
		return (port > 0 && port <= 65535) ? port : -1;
	}

	/**
	 * A host header value split into host and port, accepted only when it is a plain host name or IP literal.
	 */
	private record HostAndPort(String host, int port) {

		static HostAndPort parse(String value) {
			if (value == null || value.isEmpty() || value.length() > 255) {
				return null;
			}
			String host = value;
			int port = -1;
			int close = value.lastIndexOf(']');
			int colon = value.lastIndexOf(':');
			if (value.charAt(0) == '[') {
				if (close < 0) {
					return null;
				}
				host = value.substring(0, close + 1);
				if (close + 1 < value.length()) {
					if (value.charAt(close + 1) != ':') {
						return null;
					}
					port = parsePort(value.substring(close + 2));
					if (port < 0) {
						return null;
					}
				}
				return (IpAddresses.parse(host) != null) ? new HostAndPort(host, port) : null;
			}
			if (colon >= 0) {
				host = value.substring(0, colon);
				port = parsePort(value.substring(colon + 1));
				if (port < 0) {
					return null;
				}
			}
			return isHostName(host) ? new HostAndPort(host.toLowerCase(Locale.ROOT), port) : null;
		}

		private static boolean isHostName(String host) {
			if (host.isEmpty()) {
				return false;
			}
			for (int i = 0; i < host.length(); i++) {
				char c = host.charAt(i);
				boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
						|| c == '.' || c == '-' || c == '_';
				if (!allowed) {
					return false;
				}
			}
			return true;
		}

	}

}
