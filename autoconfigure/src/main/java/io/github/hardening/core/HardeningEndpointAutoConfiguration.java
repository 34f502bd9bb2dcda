package io.github.hardening.core;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code /actuator/hardening} endpoint, when Spring Boot Actuator is present.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(HardeningEndpoint.class)
public class HardeningEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(StartupAuditor.class)
	HardeningEndpoint hardeningEndpoint(HardeningProperties properties,
			ObjectProvider<HardeningReportContributor> contributors, StartupAuditor auditor) {
		return new HardeningEndpoint(properties.getMode(), contributors.orderedStream().toList(), auditor);
	}

}
