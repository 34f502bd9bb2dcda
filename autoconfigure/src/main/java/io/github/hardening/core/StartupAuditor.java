package io.github.hardening.core;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;

/**
 * Runs every {@link StartupAuditCheck} once all beans exist and before the web server takes traffic: in
 * {@code warn} mode it logs each finding once, in {@code strict} mode it refuses to start and lists them
 * all.
 */
public class StartupAuditor implements SmartInitializingSingleton, BeanClassLoaderAware {

	private static final Log logger = LogFactory.getLog(StartupAuditor.class);

	private final HardeningMode mode;

	private final Environment environment;

	private final ObjectProvider<StartupAuditCheck> checks;

	private volatile List<AuditFinding> findings = List.of();

	private ClassLoader classLoader = StartupAuditor.class.getClassLoader();

	/**
	 * Creates the auditor.
	 * @param mode warn or strict
	 * @param environment the environment the checks read
	 * @param checks the checks, run in order
	 */
	public StartupAuditor(HardeningMode mode, Environment environment, ObjectProvider<StartupAuditCheck> checks) {
		this.mode = mode;
		this.environment = environment;
		this.checks = checks;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void afterSingletonsInstantiated() {
		StartupAudit audit = new StartupAudit(this.mode, this.environment, this.classLoader);
		this.checks.orderedStream().forEach((check) -> check.audit(audit));
		this.findings = List.copyOf(audit.findings());
		if (this.findings.isEmpty()) {
			return;
		}
		if (this.mode == HardeningMode.STRICT) {
			throw new StartupAuditException(this.findings);
		}
		for (AuditFinding finding : this.findings) {
			logger.warn("Hardening audit: " + finding);
		}
	}

	/**
	 * Returns what the last audit found.
	 * @return the findings, empty before the audit ran
	 */
	public List<AuditFinding> findings() {
		return this.findings;
	}

}
