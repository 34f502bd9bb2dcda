package io.github.hardening.core;

/**
 * A feature's entry in {@code /actuator/hardening}. Each enabled feature registers one.
 */
public interface HardeningReportContributor {

	/**
	 * Returns the feature's name as used in its property prefix, e.g. {@code headers}.
	 * @return the name
	 */
	String feature();

	/**
	 * Returns the feature's current report.
	 * @return the report
	 */
	FeatureReport report();

}
