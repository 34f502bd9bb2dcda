package io.github.hardening.core;

import java.util.List;

/**
 * Flags ways of believing forwarding headers from anyone: Spring's framework strategy (which trusts every
 * peer) and trusted-proxy ranges that cover the whole internet.
 */
class ForwardedHeadersAuditCheck implements StartupAuditCheck {

	private final List<String> trustedProxies;

	ForwardedHeadersAuditCheck(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	@Override
	public void audit(StartupAudit audit) {
		if ("framework".equalsIgnoreCase(audit.environment().getProperty("server.forward-headers-strategy"))) {
			audit.report("server.forward-headers-strategy", "The 'framework' strategy believes X-Forwarded-* and "
					+ "Forwarded headers from every client, so anyone can choose their IP address and scheme.",
					"Remove the property (the starter resolves forwarding headers from "
							+ "hardening.client-ip.trusted-proxies only) or use 'native' with Tomcat's internal "
							+ "proxies.");
		}
		for (String range : this.trustedProxies) {
			if (range.trim().endsWith("/0")) {
				audit.report("hardening.client-ip.trusted-proxies", "'" + range + "' trusts every address as a "
						+ "proxy, so any client can forge its IP address and scheme.",
						"List only the address ranges of your own load balancers and proxies.");
			}
		}
	}

}
