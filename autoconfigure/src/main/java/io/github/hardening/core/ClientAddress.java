package io.github.hardening.core;

/**
 * Where a request really came from, as resolved through trusted proxies.
 *
 * @param ip canonical client IP address (the immediate peer when it is not a trusted proxy)
 * @param scheme {@code http} or {@code https} as the client used it
 * @param host host name the client addressed
 * @param port port the client addressed
 * @param forwarded whether any of these values came from a trusted proxy's forwarding headers
 */
public record ClientAddress(String ip, String scheme, String host, int port, boolean forwarded) {

	/**
	 * Tells whether the client used TLS.
	 * @return whether the scheme is {@code https}
	 */
	public boolean secure() {
		return "https".equals(this.scheme);
	}

}
