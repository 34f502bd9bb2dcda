package io.github.hardening.cors;

/**
 * Tells whether an {@code Origin} header names the very server the request was sent to. Browsers send
 * {@code Origin} on same-origin requests too (every POST, for instance); those are not CORS requests.
 */
public final class SameOrigin {

	private SameOrigin() {
	}

	/**
	 * Compares an origin with the scheme, host and port the request was addressed to.
	 * @param origin the {@code Origin} header
	 * @param scheme the request's scheme, as resolved through trusted proxies
	 * @param host the request's host name
	 * @param port the request's port
	 * @return whether the origin is the request's own
	 */
	public static boolean matches(String origin, String scheme, String host, int port) {
		OriginParts parts = OriginParts.parse(origin);
		if (parts == null || !parts.rest().isEmpty() || origin.endsWith("/") || scheme == null || host == null) {
			return false;
		}
		return parts.scheme().equalsIgnoreCase(scheme) && unbracketed(parts.host()).equalsIgnoreCase(unbracketed(host))
				&& portOf(parts) == effectivePort(scheme, port);
	}

	private static int portOf(OriginParts parts) {
		if (parts.port() == null) {
			return defaultPort(parts.scheme());
		}
		String port = parts.port();
		if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return -2;
		}
		return Integer.parseInt(port);
	}

	private static int effectivePort(String scheme, int port) {
		return (port > 0) ? port : defaultPort(scheme);
	}

	private static int defaultPort(String scheme) {
		if ("https".equalsIgnoreCase(scheme)) {
			return 443;
		}
		return "http".equalsIgnoreCase(scheme) ? 80 : -1;
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
