package io.github.hardening.cors;

import jakarta.servlet.DispatcherType;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningMode;
import io.github.hardening.core.HardeningProperties;
import io.github.hardening.core.ProblemResponseWriter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The CORS policy: validated at startup, enforced by a servlet filter, reported and audited.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.cors", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(CorsConfiguration.class)
@EnableConfigurationProperties({ HardeningProperties.class, CorsProperties.class })
public class CorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CorsPolicies corsPolicies(CorsProperties properties, HardeningProperties hardeningProperties) {
		return new CorsPolicies(properties, new CorsPolicyValidator(hardeningProperties.getMode() == HardeningMode.STRICT));
	}

	@Bean
	@ConditionalOnMissingBean
	CorsDecider corsDecider() {
		return new CorsDecider();
	}

	@Bean
	@ConditionalOnMissingBean
	CorsRejectionCounters corsRejectionCounters(HardeningMetrics metrics) {
		return new CorsRejectionCounters(metrics);
	}

	@Bean
	@ConditionalOnMissingFilterBean(CorsPolicyFilter.class)
	FilterRegistrationBean<CorsPolicyFilter> hardeningCorsFilter(CorsPolicies policies, CorsDecider decider,
			ProblemResponseWriter problems, CorsRejectionCounters counters) {
		FilterRegistrationBean<CorsPolicyFilter> registration = new FilterRegistrationBean<>(
				new CorsPolicyFilter(policies, decider, problems, counters));
		registration.setOrder(HardeningFilterOrder.CORS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	CorsReportContributor corsReportContributor(CorsPolicies policies, CorsRejectionCounters counters) {
		return new CorsReportContributor(policies, counters);
	}

	@Bean
	@ConditionalOnMissingBean
	CorsAuditCheck corsAuditCheck(CorsPolicies policies) {
		return new CorsAuditCheck(policies);
	}

}
