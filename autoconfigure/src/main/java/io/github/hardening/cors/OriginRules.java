package io.github.hardening.cors;

import java.util.Locale;
import java.util.Set;

/**
 * Judges configured origins and origin patterns one value at a time: what is malformed (and so would
 * silently never match) and what is unsafe (and so would silently match strangers). Each problem comes
 * back as a sentence that says what is wrong and how to fix it.
 */
public final class OriginRules {

	/** The value that allows every origin. */
	public static final String ANY = "*";

	/** The opaque origin browsers send from sandboxed iframes, {@code file:} pages and some redirects. */
	public static final String NULL_ORIGIN = "null";

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private OriginRules() {
	}

	/**
	 * Returns why a value cannot be used as an exact origin; {@code *} and {@code null} are left to the caller.
	 * @param origin a configured origin such as {@code https://app.example.com}
	 * @return the problem and its fix, or {@code null} when the origin is well formed
	 */
	public static String originProblem(String origin) {
		if (origin.contains(ANY)) {
			return "An exact origin containing '*' is compared literally and never matches. "
					+ "Move it to allowed-origin-patterns, or list the origins one by one.";
		}
		return structureProblem(origin, false);
	}

	/**
	 * Returns why a value cannot be used as an origin pattern; {@code *} alone is left to the caller.
	 * @param pattern a configured pattern such as {@code https://*.example.com:[8080,8081]}
	 * @return the problem and its fix, or {@code null} when the pattern is well formed and safe
	 */
	public static String patternProblem(String pattern) {
		if (NULL_ORIGIN.equalsIgnoreCase(pattern)) {
			return "The 'null' origin is not a pattern. Set allow-null-origin=true if you really need it.";
		}
		String problem = structureProblem(pattern, true);
		if (problem != null) {
			return problem;
		}
		return wildcardProblem(OriginParts.parse(pattern));
	}

	/**
	 * Tells whether a well-formed origin or pattern allows plain {@code http} from a host other than this
	 * machine, which a network attacker can impersonate and so defeats the TLS of the application.
	 * @param value an origin or pattern
	 * @return whether it is plain http to a remote host
	 */
	public static boolean isPlainHttpRemote(String value) {
		OriginParts parts = OriginParts.parse(value);
		return parts != null && "http".equalsIgnoreCase(parts.scheme())
				&& !LOCAL_HOSTS.contains(parts.host().toLowerCase(Locale.ROOT));
	}

	private static String structureProblem(String value, boolean pattern) {
		if (value.isBlank()) {
			return "The value is empty. Remove it.";
		}
		if (withoutPortList(value).contains(",") || value.chars().anyMatch(Character::isWhitespace)) {
			return "A value holds one origin, without spaces. List each origin as its own entry.";
		}
		OriginParts parts = OriginParts.parse(value);
		if (parts == null) {
			return "The origin has no scheme. Write it as the browser sends it in the Origin header, "
					+ "e.g. https://app.example.com.";
		}
		if (!parts.rest().isEmpty()) {
			return "An origin is only scheme://host[:port], without path, query or fragment. Use "
					+ parts.scheme() + "://" + parts.host() + ((parts.port() != null) ? ":" + parts.port() : "")
					+ " instead.";
		}
		if (!isScheme(parts.scheme())) {
			return "The scheme '" + parts.scheme() + "' is not valid. Use https (or http for local development).";
		}
		if (!isHost(parts.host(), pattern)) {
			return "The host '" + parts.host() + "' is not a host name or IP address. Write the origin as "
					+ "scheme://host[:port], without user info.";
		}
		if (parts.port() != null && !isPort(parts.port(), pattern)) {
			return "The port '" + parts.port() + "' is not valid. Use a number from 1 to 65535"
					+ (pattern ? ", a list such as [8080,8081], or [*] for any port." : ".");
		}
		return null;
	}

	private static String withoutPortList(String value) {
		int list = value.lastIndexOf(":[");
		return (list >= 0 && value.endsWith("]")) ? value.substring(0, list) : value;
	}

	private static String wildcardProblem(OriginParts parts) {
		String host = parts.host();
		int star = host.indexOf('*');
		while (star >= 0) {
			if (star == host.length() - 1) {
				return "'*' ends the host, so the pattern also matches hosts such as " + parts.scheme() + "://"
						+ host.substring(0, star) + "com.evil.net. Spell out the domain after the wildcard, "
						+ "e.g. https://*.example.com.";
			}
			if (host.charAt(star + 1) != '.') {
				return "'*' must be followed by '.', because it matches any text: " + parts.scheme() + "://"
						+ host + " also matches " + parts.scheme() + "://"
						+ host.substring(0, star) + "evil" + host.substring(star + 1)
						+ ". Use a whole label, e.g. https://*.example.com.";
			}
			star = host.indexOf('*', star + 1);
		}
		String suffix = host.substring(host.lastIndexOf('*') + 1);
		if (host.contains(ANY) && suffix.indexOf('.', 1) < 0) {
			return "The fixed part after the last '*' is only '" + suffix + "', a whole top-level domain that "
					+ "anyone can register names under. Name your own domain, e.g. https://*.example.com.";
		}
		return null;
	}

	private static boolean isScheme(String scheme) {
		if (scheme.isEmpty() || !isLetter(scheme.charAt(0))) {
			return false;
		}
		return scheme.chars().allMatch((c) -> isLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.');
	}

	private static boolean isHost(String host, boolean pattern) {
		if (host.isEmpty()) {
			return false;
		}
		if (host.startsWith("[")) {
			return host.length() > 2 && host.endsWith("]") && host.substring(1, host.length() - 1)
				.chars()
				.allMatch((c) -> isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
		}
		return host.chars()
			.allMatch((c) -> isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || (pattern && c == '*'));
	}

	private static boolean isPort(String port, boolean pattern) {
		if (pattern && port.startsWith("[") && port.endsWith("]") && port.length() > 2) {
			String list = port.substring(1, port.length() - 1);
			return ANY.equals(list) || java.util.Arrays.stream(list.split(",", -1)).allMatch(OriginRules::isPortNumber);
		}
		return isPortNumber(port);
	}

	private static boolean isPortNumber(String port) {
		if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(OriginRules::isDigit)) {
			return false;
		}
		int number = Integer.parseInt(port);
		return number >= 1 && number <= 65535;
	}

	private static boolean isLetter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

}
