package io.github.hardening.core;


/**
 * In strict mode, flags springdoc's Swagger UI and API docs left on: they map the whole attack surface
 * for a visitor.
 */
class ApiDocsAuditCheck implements StartupAuditCheck {

	private static final String SPRINGDOC_CLASS = "org.springdoc.core.properties.SpringDocConfigProperties";

	@Override
	public void audit(StartupAudit audit) {
		if (audit.mode() != HardeningMode.STRICT || !audit.isPresent(SPRINGDOC_CLASS)) {
			return;
		}
		for (String property : new String[] { "springdoc.swagger-ui.enabled", "springdoc.api-docs.enabled" }) {
			if (audit.environment().getProperty(property, Boolean.class, true)) {
				audit.report(property, "springdoc publishes the API description (and UI) in strict mode.",
						"Set " + property + "=false in production, or serve the docs from an internal instance.");
			}
		}
	}

}
