package io.github.hardening.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The {@code shutdown} entry of {@code /actuator/hardening}.
 */
class ShutdownReportContributor implements HardeningReportContributor {

	private final ShutdownProperties properties;

	private final Environment environment;

	ShutdownReportContributor(ShutdownProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String feature() {
		return "shutdown";
	}

	@Override
	public FeatureReport report() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("server-shutdown", this.environment.getProperty("server.shutdown", "immediate"));
		settings.put("drain-delay", this.properties.getDrainDelay().toString());
		settings.put("timeout-per-shutdown-phase",
				this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", "30s"));
		settings.put("exit-zero-on-sigterm", this.properties.isExitZeroOnSigterm());
		return new FeatureReport(true, settings, Map.of());
	}

}
