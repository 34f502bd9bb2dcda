package io.github.hardening.core;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start refused by the strict-mode audit: every finding with the property to change.
 */
class StartupAuditFailureAnalyzer extends AbstractFailureAnalyzer<StartupAuditException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartupAuditException cause) {
		String description = "The hardening audit refused to start the application (hardening.mode=strict). "
				+ "Findings:" + cause.getFindings()
					.stream()
					.map((f) -> "\n\n    Property: " + f.property() + "\n    Problem:  " + f.problem()
							+ "\n    Fix:      " + f.fix())
					.collect(Collectors.joining());
		String action = "Change the properties listed above. To start anyway while you fix them, set "
				+ "hardening.mode=warn, which logs the findings instead (not recommended in production).";
		return new FailureAnalysis(description, action, cause);
	}

}
