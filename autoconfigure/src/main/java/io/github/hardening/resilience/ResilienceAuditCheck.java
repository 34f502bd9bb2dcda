package io.github.hardening.resilience;

import java.util.Map;

import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Reports retries of POST and PATCH without an Idempotency-Key: a request that timed out may have been
 * processed, so repeating it can place an order or charge a card twice.
 */
public class ResilienceAuditCheck implements StartupAuditCheck {

	private final ResilienceProperties properties;

	/**
	 * Creates the check.
	 * @param properties the resilience settings as configured
	 */
	public ResilienceAuditCheck(ResilienceProperties properties) {
		this.properties = properties;
	}

	@Override
	public void audit(StartupAudit audit) {
		if (Boolean.TRUE.equals(this.properties.getDefaults().getRetry().getNonIdempotent())) {
			report(audit, "hardening.resilience.defaults.retry.non-idempotent", "every client");
		}
		for (Map.Entry<String, ClientProperties> client : this.properties.getClients().entrySet()) {
			if (Boolean.TRUE.equals(client.getValue().getRetry().getNonIdempotent())) {
				report(audit, "hardening.resilience.clients." + client.getKey() + ".retry.non-idempotent",
						"client '" + client.getKey() + "'");
			}
		}
	}

	private static void report(StartupAudit audit, String property, String scope) {
		audit.report(property, "POST and PATCH calls of " + scope + " are retried without an Idempotency-Key; a "
				+ "timed-out attempt may have been processed, so a retry can repeat its side effect.",
				"Send an Idempotency-Key header on calls that are safe to repeat and remove " + property + ".");
	}

}
