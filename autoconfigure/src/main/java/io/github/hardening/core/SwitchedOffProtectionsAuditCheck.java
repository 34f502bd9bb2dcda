package io.github.hardening.core;

import org.springframework.core.env.Environment;

/**
 * Flags protections that were switched off: security headers, HSTS, request limits, and (in strict mode, when the
 * application does not terminate TLS itself) the HTTP to HTTPS redirect. It lives in core because a
 * switched-off feature cannot report on itself.
 */
class SwitchedOffProtectionsAuditCheck implements StartupAuditCheck {

	@Override
	public void audit(StartupAudit audit) {
		Environment env = audit.environment();
		if (!env.getProperty("hardening.headers.enabled", Boolean.class, true)) {
			audit.report("hardening.headers.enabled", "Security headers (HSTS, CSP, nosniff, frame options, ...) "
					+ "are switched off.", "Remove hardening.headers.enabled=false and adjust single headers instead.");
		}
		else if (!env.getProperty("hardening.headers.hsts.enabled", Boolean.class, true)) {
			audit.report("hardening.headers.hsts.enabled", "HSTS is off, so a network attacker can downgrade the "
					+ "first request of every visit to plain HTTP.", "Set hardening.headers.hsts.enabled=true.");
		}
		if (!env.getProperty("hardening.limits.enabled", Boolean.class, true)) {
			audit.report("hardening.limits.enabled", "Request limits (body size while reading, JSON parser limits, "
					+ "upload checks) are switched off, so one client can send unbounded bodies or nesting bombs.",
					"Remove hardening.limits.enabled=false and raise the single limit that is in the way instead.");
		}
		boolean redirect = env.getProperty("hardening.https.redirect.enabled", Boolean.class, false)
				&& env.getProperty("hardening.https.enabled", Boolean.class, true);
		boolean ownTls = env.getProperty("server.ssl.enabled", Boolean.class, false)
				|| env.getProperty("server.ssl.bundle") != null;
		if (audit.mode() == HardeningMode.STRICT && !redirect && !ownTls) {
			audit.report("hardening.https.redirect.enabled", "The application does not terminate TLS itself, so it "
					+ "sits behind a TLS proxy, and plain HTTP requests reaching it are served instead of redirected.",
					"Set hardening.https.redirect.enabled=true.");
		}
	}

}
