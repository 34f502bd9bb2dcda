package io.github.hardening.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown in strict mode when the startup audit found weaknesses; the application does not start.
 */
public class StartupAuditException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<AuditFinding> findings;

	/**
	 * Creates the exception.
	 * @param findings every finding
	 */
	public StartupAuditException(List<AuditFinding> findings) {
		super("The hardening audit (hardening.mode=strict) found " + findings.size() + " problem(s):"
				+ findings.stream().map((f) -> "\n - " + f).collect(Collectors.joining()));
		this.findings = List.copyOf(findings);
	}

	/**
	 * Returns the findings.
	 * @return the findings
	 */
	public List<AuditFinding> getFindings() {
		return this.findings;
	}

}
