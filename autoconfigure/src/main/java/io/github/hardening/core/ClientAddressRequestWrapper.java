package io.github.hardening.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Presents the resolved client address to the rest of the application through the standard servlet
 * methods, so that code which never heard of this starter (Spring Security, access logs, redirects)
 * sees the real client, scheme, host and port.
 */
class ClientAddressRequestWrapper extends HttpServletRequestWrapper {

	private final ClientAddress address;

	ClientAddressRequestWrapper(HttpServletRequest request, ClientAddress address) {
		super(request);
		this.address = address;
	}

	@Override
	public String getRemoteAddr() {
		return this.address.ip();
	}

	@Override
	public String getRemoteHost() {
		return this.address.ip();
	}

	@Override
	public String getScheme() {
		return this.address.scheme();
	}

	@Override
	public boolean isSecure() {
		return this.address.secure();
	}

	@Override
	public String getServerName() {
		return this.address.host();
	}

	@Override
	public int getServerPort() {
		return this.address.port();
	}

	@Override
	public StringBuffer getRequestURL() {
		StringBuffer url = new StringBuffer(64);
		url.append(this.address.scheme()).append("://").append(this.address.host());
		int port = this.address.port();
		boolean defaultPort = (port == 443 && this.address.secure()) || (port == 80 && !this.address.secure());
		if (!defaultPort && port > 0) {
			url.append(':').append(port);
		}
		url.append(getRequestURI());
		return url;
	}

}
