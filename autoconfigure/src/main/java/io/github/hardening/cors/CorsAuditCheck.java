package io.github.hardening.cors;

import java.util.List;

import io.github.hardening.core.HardeningMode;
import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Reports CORS settings that start but weaken the application: plain http origins of remote hosts (in
 * warn mode; strict mode refuses them at validation already) and an allowed 'null' origin. Each value is
 * reported once, under the property that sets it, not again for every mapping that inherits it.
 */
public class CorsAuditCheck implements StartupAuditCheck {

	private final CorsPolicies policies;

	/**
	 * Creates the check.
	 * @param policies the validated policies
	 */
	public CorsAuditCheck(CorsPolicies policies) {
		this.policies = policies;
	}

	@Override
	public void audit(StartupAudit audit) {
		for (CorsPolicySettings policy : this.policies.settings()) {
			if (audit.mode() == HardeningMode.WARN) {
				if (policy.declares("allowed-origins")) {
					reportPlainHttp(audit, policy.property("allowed-origins"), policy.allowedOrigins());
				}
				if (policy.declares("allowed-origin-patterns")) {
					reportPlainHttp(audit, policy.property("allowed-origin-patterns"), policy.allowedOriginPatterns());
				}
			}
			if (policy.allowNullOrigin() && policy.declares("allow-null-origin")) {
				String property = policy.property("allow-null-origin");
				audit.report(property, "The 'null' origin is allowed" + (policy.isGlobal() ? "" : " on "
						+ policy.paths()) + ". Every sandboxed iframe and local file on any web site sends it, "
						+ "so any site can call these paths cross-origin.",
						"Set " + property + "=false and serve the calling page from a real https origin.");
			}
		}
	}

	private static void reportPlainHttp(StartupAudit audit, String property, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (OriginRules.isPlainHttpRemote(values.get(i))) {
				audit.report(property + "[" + i + "]", "The plain http origin '" + values.get(i) + "' is allowed. "
						+ "Anyone on its network path can impersonate it and call the application from the user's "
						+ "browser, which defeats TLS.",
						"Use the https origin (hardening.mode=strict refuses plain http origins other than localhost).");
			}
		}
	}

}
