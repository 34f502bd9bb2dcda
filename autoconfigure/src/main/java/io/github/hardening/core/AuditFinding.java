package io.github.hardening.core;

/**
 * One weakness the startup audit found in the effective configuration.
 *
 * @param property the property to change
 * @param problem what is wrong and why it matters
 * @param fix what to set instead
 */
public record AuditFinding(String property, String problem, String fix) {

	@Override
	public String toString() {
		return this.property + ": " + this.problem + " Fix: " + this.fix;
	}

}
