package io.github.hardening.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;

import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Flags a liveness group that includes an external system: when that system fails, every instance would be
 * restarted at once although restarting cures nothing. Also flags probe details shown on the public port.
 */
class ProbesGroupAuditCheck implements StartupAuditCheck {

	static final String LIVENESS_INCLUDE = "management.endpoint.health.group.liveness.include";

	static final String SHOW_DETAILS = "management.endpoint.health.show-details";

	/** Health contributors that stand for something outside the process. */
	private static final Set<String> EXTERNAL = Set.of("db", "redis", "mongo", "rabbit", "elasticsearch",
			"cassandra", "couchbase", "neo4j", "ldap", "mail", "jms", "influxdb", "hazelcast", "solr", "hardening",
			"readinessstate", "diskspace", "*");

	@Override
	public void audit(StartupAudit audit) {
		Environment environment = audit.environment();
		List<String> external = new ArrayList<>();
		for (String member : environment.getProperty(LIVENESS_INCLUDE, String[].class, new String[0])) {
			String name = member.trim();
			String base = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
			if (EXTERNAL.contains(base.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))) {
				external.add(name);
			}
		}
		if (!external.isEmpty()) {
			audit.report(LIVENESS_INCLUDE, "The liveness group includes " + external
					+ ": when one of them fails every instance is restarted at once, which cures nothing.",
					"Keep only livenessState (the application's own state) in liveness and put dependencies in "
							+ "the readiness group.");
		}
		String details = environment.getProperty(SHOW_DETAILS, "never");
		boolean separatePort = environment.getProperty("management.server.port") != null;
		if ("always".equalsIgnoreCase(details.trim()) && !separatePort) {
			audit.report(SHOW_DETAILS, "Health details (dependency names, versions, errors) are shown to anyone "
					+ "on the public port.", "Set " + SHOW_DETAILS + "=never (or when-authorized), or move the "
							+ "actuator to an internal management.server.port.");
		}
	}

}
