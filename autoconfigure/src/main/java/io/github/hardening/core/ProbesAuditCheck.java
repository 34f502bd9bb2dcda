package io.github.hardening.core;

import org.springframework.boot.cloud.CloudPlatform;

/**
 * Flags health probes that are off: without liveness and readiness groups an orchestrator can neither
 * restart a stuck instance nor keep traffic away from one that is not ready.
 */
class ProbesAuditCheck implements StartupAuditCheck {

	static final String PROPERTY = "management.endpoint.health.probes.enabled";

	@Override
	public void audit(StartupAudit audit) {
		boolean enabled = audit.environment().getProperty(PROPERTY, Boolean.class, false)
				|| CloudPlatform.getActive(audit.environment()) == CloudPlatform.KUBERNETES;
		if (!enabled) {
			audit.report(PROPERTY, "Liveness and readiness probes are off.",
					"Set " + PROPERTY + "=true and point the orchestrator at /actuator/health/liveness and "
							+ "/actuator/health/readiness.");
		}
	}

}
