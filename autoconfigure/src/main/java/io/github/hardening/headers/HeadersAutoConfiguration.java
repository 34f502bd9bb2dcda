package io.github.hardening.headers;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Security response headers: two presets (api, web) chosen per path, HSTS on secure requests, CSP with a
 * per-request nonce, and an optional CSP report endpoint.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.headers", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HeadersProperties.class)
public class HeadersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PresetResolver securityHeadersPresetResolver(HeadersProperties properties) {
		return new SecurityHeadersMapper(properties).presetResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityHeadersFilter securityHeadersFilter(PresetResolver presets, ClientAddressResolver clientAddresses,
			HeadersProperties properties) {
		return new SecurityHeadersFilter(presets, clientAddresses, java.util.Set.copyOf(properties.getRemoved()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "securityHeadersFilterRegistration")
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilterRegistration(SecurityHeadersFilter filter) {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HardeningFilterOrder.SECURITY_HEADERS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	CspReportCounters cspReportCounters(HardeningMetrics metrics) {
		return new CspReportCounters(metrics);
	}

	@Bean
	@ConditionalOnMissingBean(name = "headersReportContributor")
	HardeningReportContributor headersReportContributor(HeadersProperties properties, CspReportCounters reports) {
		return new HeadersReportContributor(properties, reports);
	}

	@Bean
	@ConditionalOnMissingBean(name = "headersAuditCheck")
	StartupAuditCheck headersAuditCheck(HeadersProperties properties) {
		return new HeadersAuditCheck(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "hardening.headers.csp.report-endpoint", name = "enabled")
	static class CspReportEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CspReportFilter cspReportFilter(HeadersProperties properties, CspReportCounters counters,
				ProblemResponseWriter problems, ObjectProvider<ObjectMapper> objectMapper) {
			HeadersProperties.ReportEndpoint endpoint = properties.getCsp().getReportEndpoint();
			return new CspReportFilter(new SecurityHeadersMapper(properties).reportPath(),
					(int) Math.min(Integer.MAX_VALUE - 1, endpoint.getMaxSize().toBytes()), counters, problems,
					objectMapper.getIfAvailable(ObjectMapper::new));
		}

		@Bean
		@ConditionalOnMissingBean(name = "cspReportFilterRegistration")
		FilterRegistrationBean<CspReportFilter> cspReportFilterRegistration(CspReportFilter filter) {
			FilterRegistrationBean<CspReportFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(HardeningFilterOrder.CSP_REPORTS);
			// The container only calls the filter for its own path, so other requests pay nothing for it.
			registration.addUrlPatterns(filter.path());
			return registration;
		}

	}

}
