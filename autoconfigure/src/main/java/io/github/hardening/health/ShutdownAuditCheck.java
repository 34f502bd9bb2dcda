package io.github.hardening.health;

import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Flags an immediate web server shutdown: requests in flight when the instance stops would be cut off.
 */
class ShutdownAuditCheck implements StartupAuditCheck {

	static final String PROPERTY = "server.shutdown";

	@Override
	public void audit(StartupAudit audit) {
		if ("immediate".equalsIgnoreCase(audit.environment().getProperty(PROPERTY, "graceful").trim())) {
			audit.report(PROPERTY, "The web server stops immediately, cutting off the requests in flight.",
					"Set " + PROPERTY + "=graceful (the starter's default).");
		}
	}

}
