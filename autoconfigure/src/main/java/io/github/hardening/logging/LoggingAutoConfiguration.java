package io.github.hardening.logging;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;

/**
 * Logging: request fields in the MDC, the optional access log, the request id on outbound calls. The JSON
 * format itself is switched by {@link JsonLoggingApplicationListener}, as early as logging starts.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.logging", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoggingProperties.class)
public class LoggingAutoConfiguration {

	static final String LINES = "hardening.logging.access.lines";

	private static final String LINES_DESCRIPTION = "Access log lines written";

	@Bean
	@ConditionalOnMissingBean(name = "loggingReportContributor")
	HardeningReportContributor loggingReportContributor(LoggingProperties properties, HardeningMetrics metrics) {
		JsonLoggingApplicationListener.validatePatterns(properties.getMasking().getPatterns());
		return new LoggingReportContributor(properties, metrics.counter(LINES, LINES_DESCRIPTION));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestLoggingFilter hardeningRequestLoggingFilter(LoggingProperties properties,
				ClientAddressResolver clientAddresses, HardeningMetrics metrics) {
			HardeningCounter lines = metrics.counter(LINES, LINES_DESCRIPTION);
			return new RequestLoggingFilter(clientAddresses, properties.isRequestFields(),
					properties.getAccessLog().isEnabled(), lines);
		}

		@Bean
		@ConditionalOnMissingBean(name = "hardeningRequestLoggingFilterRegistration")
		FilterRegistrationBean<RequestLoggingFilter> hardeningRequestLoggingFilterRegistration(
				RequestLoggingFilter filter) {
			FilterRegistrationBean<RequestLoggingFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(HardeningFilterOrder.REQUEST_LOGGING);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class OutboundConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningRequestIdRestClientCustomizer")
		RestClientCustomizer hardeningRequestIdRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor(new RequestIdPropagation());
		}

		@Bean
		@ConditionalOnMissingBean(name = "hardeningRequestIdRestTemplateCustomizer")
		RestTemplateCustomizer hardeningRequestIdRestTemplateCustomizer() {
			return (restTemplate) -> restTemplate.getInterceptors().add(new RequestIdPropagation());
		}

	}

}
