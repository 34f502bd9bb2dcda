package io.github.hardening.cors;

/**
 * An origin or origin pattern split into scheme, host and port, without judging whether they are valid.
 *
 * @param scheme text before {@code ://}
 * @param host host name, IP address or bracketed IPv6 literal, possibly with {@code *} in a pattern
 * @param port text after the host's {@code :}, or {@code null} when there is none
 * @param rest path, query or fragment, empty when there is none
 */
record OriginParts(String scheme, String host, String port, String rest) {

	/**
	 * Splits a value; a single trailing slash is ignored, as Spring's {@code CorsConfiguration} does.
	 * @param value an origin such as {@code https://app.example.com:8443}
	 * @return the parts, or {@code null} when the value has no {@code scheme://}
	 */
	static OriginParts parse(String value) {
		int separator = value.indexOf("://");
		if (separator <= 0) {
			return null;
		}
		String afterScheme = value.substring(separator + 3);
		int end = indexOfAny(afterScheme, "/?#");
		String authority = (end < 0) ? afterScheme : afterScheme.substring(0, end);
		String rest = (end < 0 || afterScheme.substring(end).equals("/")) ? "" : afterScheme.substring(end);
		String host = authority;
		String port = null;
		int close = authority.startsWith("[") ? authority.indexOf(']') : -1;
		int colon = authority.indexOf(':', Math.max(close, 0));
		if (authority.startsWith("[") && close < 0) {
			colon = -1;
		}
		if (colon >= 0) {
			host = authority.substring(0, colon);
			port = authority.substring(colon + 1);
		}
		return new OriginParts(value.substring(0, separator), host, port, rest);
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
