package io.github.hardening.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Flags actuator endpoints beyond health, info and prometheus that are reachable on the application port
 * while Spring Security is not there to protect them.
 */
class ActuatorExposureAuditCheck implements StartupAuditCheck {

	static final String PROPERTY = "management.endpoints.web.exposure.include";

	private static final Set<String> HARMLESS = Set.of("health", "info", "prometheus");

	private static final String SECURITY_CLASS = "org.springframework.security.web.SecurityFilterChain";

	@Override
	public void audit(StartupAudit audit) {
		Binder binder = Binder.get(audit.environment());
		Set<String> exposed = new LinkedHashSet<>(
				binder.bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of("health")));
		exposed.removeAll(binder.bind("management.endpoints.web.exposure.exclude", Bindable.listOf(String.class))
			.orElse(List.of()));
		exposed.removeAll(HARMLESS);
		if (exposed.isEmpty() || audit.isPresent(SECURITY_CLASS)) {
			return;
		}
		Integer managementPort = binder.bind("management.server.port", Integer.class).orElse(null);
		Integer serverPort = binder.bind("server.port", Integer.class).orElse(8080);
		// -1 switches the actuator's HTTP off, 0 is a random port of its own, anything else but the server
		// port is a separate (typically internal) port.
		if (managementPort != null && (managementPort <= 0 || !managementPort.equals(serverPort))) {
			return;
		}
		audit.report(PROPERTY, "Actuator endpoints " + exposed + " are exposed over HTTP on the application port "
				+ "and Spring Security is not on the classpath, so anyone who reaches the port can read them.",
				"Expose only health, info and prometheus there, move the actuator to an internal port with "
						+ "management.server.port, or protect it with Spring Security.");
	}

}
