package io.github.hardening.core;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The audit in progress: what the checks can read, and the findings they report.
 */
public final class StartupAudit {

	private final HardeningMode mode;

	private final Environment environment;

	private final ClassLoader classLoader;

	private final List<AuditFinding> findings = new ArrayList<>();

	StartupAudit(HardeningMode mode, Environment environment, ClassLoader classLoader) {
		this.mode = mode;
		this.environment = environment;
		this.classLoader = classLoader;
	}

	/**
	 * Tells whether a class is on the application's class path.
	 * @param className fully qualified class name
	 * @return whether it can be loaded
	 */
	public boolean isPresent(String className) {
		return org.springframework.util.ClassUtils.isPresent(className, this.classLoader);
	}

	/**
	 * Returns the configured mode; some checks only apply in strict mode.
	 * @return the mode
	 */
	public HardeningMode mode() {
		return this.mode;
	}

	/**
	 * Returns the application's environment.
	 * @return the environment
	 */
	public Environment environment() {
		return this.environment;
	}

	/**
	 * Reports a finding.
	 * @param property the property to change
	 * @param problem what is wrong and why it matters
	 * @param fix what to set instead
	 */
	public void report(String property, String problem, String fix) {
		this.findings.add(new AuditFinding(property, problem, fix));
	}

	List<AuditFinding> findings() {
		return this.findings;
	}

}
