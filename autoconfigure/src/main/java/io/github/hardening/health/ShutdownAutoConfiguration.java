package io.github.hardening.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Graceful shutdown: readiness refuses first, the application drains for a while, then the web server stops
 * and completes the requests in flight. {@code server.shutdown=graceful} itself is a default set by
 * {@link HardeningDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.shutdown", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ShutdownProperties.class)
public class ShutdownAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ShutdownDrain hardeningShutdownDrain(ShutdownProperties properties) {
		HealthSettingsValidator.validate(properties);
		return new ShutdownDrain(properties.getDrainDelay());
	}

	@Bean
	@ConditionalOnMissingBean(name = "hardeningSigtermExitStatus")
	@ConditionalOnProperty(prefix = "hardening.shutdown", name = "exit-zero-on-sigterm", matchIfMissing = true)
	SigtermExitStatus hardeningSigtermExitStatus() {
		return new SigtermExitStatus();
	}

	@Bean
	@ConditionalOnMissingBean(name = "shutdownAuditCheck")
	StartupAuditCheck shutdownAuditCheck() {
		return new ShutdownAuditCheck();
	}

	@Bean
	@ConditionalOnMissingBean(name = "shutdownReportContributor")
	HardeningReportContributor shutdownReportContributor(ShutdownProperties properties, Environment environment) {
		return new ShutdownReportContributor(properties, environment);
	}

}
