package io.github.hardening.core;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the client address is resolved behind proxies.
 */
@ConfigurationProperties("hardening.client-ip")
public class ClientIpProperties {

	/**
	 * CIDR blocks of proxies whose forwarding headers (Forwarded, X-Forwarded-For, X-Forwarded-Proto,
	 * X-Forwarded-Host, X-Forwarded-Port) are believed. Headers from any other peer are ignored.
	 */
	private List<String> trustedProxies = new ArrayList<>(TrustedProxies.DEFAULT_RANGES);

	/**
	 * Whether the RFC 7239 Forwarded header is read. When present it wins over X-Forwarded-*.
	 */
	private boolean useForwardedHeader = true;

	/**
	 * Whether the servlet request is wrapped so that getRemoteAddr(), isSecure(), getScheme(),
	 * getServerName() and getServerPort() report the resolved values to the whole application.
	 */
	private boolean wrapRequest = true;

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public boolean isUseForwardedHeader() {
		return this.useForwardedHeader;
	}

	public void setUseForwardedHeader(boolean useForwardedHeader) {
		this.useForwardedHeader = useForwardedHeader;
	}

	public boolean isWrapRequest() {
		return this.wrapRequest;
	}

	public void setWrapRequest(boolean wrapRequest) {
		this.wrapRequest = wrapRequest;
	}

}
