package io.github.hardening.core;

/**
 * One check of the startup audit. Features register their own as beans.
 */
@FunctionalInterface
public interface StartupAuditCheck {

	/**
	 * Inspects the configuration and reports every weakness found.
	 * @param audit where findings are reported; also tells the mode and the environment
	 */
	void audit(StartupAudit audit);

}
