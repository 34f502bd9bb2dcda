package io.github.hardening.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The shared core every feature builds on: client address resolution, request ids, problem responses,
 * metrics and the startup audit.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ HardeningProperties.class, ClientIpProperties.class })
public class HardeningAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HardeningMetrics hardeningMetrics() {
		return new LocalHardeningMetrics();
	}

	@Bean
	@ConditionalOnMissingBean
	ClientAddressResolver clientAddressResolver(ClientIpProperties properties) {
		return ClientAddressResolvers.fromProperties(properties);
	}

	@Bean
	@ConditionalOnMissingBean(name = "clientIpReportContributor")
	HardeningReportContributor clientIpReportContributor(ClientAddressResolver resolver,
			ClientIpProperties properties) {
		return new ClientIpReportContributor(resolver, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	StartupAuditor startupAuditor(HardeningProperties properties, Environment environment,
			ObjectProvider<StartupAuditCheck> checks) {
		return new StartupAuditor(properties.getMode(), environment, checks);
	}

	@Bean
	@ConditionalOnMissingBean(name = "actuatorExposureAuditCheck")
	StartupAuditCheck actuatorExposureAuditCheck() {
		return new ActuatorExposureAuditCheck();
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiDocsAuditCheck")
	StartupAuditCheck apiDocsAuditCheck() {
		return new ApiDocsAuditCheck();
	}

	@Bean
	@ConditionalOnMissingBean(name = "probesAuditCheck")
	StartupAuditCheck probesAuditCheck() {
		return new ProbesAuditCheck();
	}

	@Bean
	@ConditionalOnMissingBean(name = "forwardedHeadersAuditCheck")
	StartupAuditCheck forwardedHeadersAuditCheck(ClientIpProperties properties) {
		return new ForwardedHeadersAuditCheck(properties.getTrustedProxies());
	}

	@Bean
	@ConditionalOnMissingBean(name = "switchedOffProtectionsAuditCheck")
	StartupAuditCheck switchedOffProtectionsAuditCheck() {
		return new SwitchedOffProtectionsAuditCheck();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MicrometerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HardeningMetrics hardeningMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfAvailable();
			return (meterRegistry != null) ? new MicrometerHardeningMetrics(meterRegistry) : new LocalHardeningMetrics();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(ObjectMapper.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningRequestIdFilter")
		FilterRegistrationBean<RequestIdFilter> hardeningRequestIdFilter() {
			FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
			registration.setOrder(HardeningFilterOrder.REQUEST_ID);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean(name = "hardeningClientAddressFilter")
		FilterRegistrationBean<ClientAddressFilter> hardeningClientAddressFilter(ClientAddressResolver resolver,
				ClientIpProperties properties) {
			FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(
					new ClientAddressFilter(resolver, properties.isWrapRequest()));
			registration.setOrder(HardeningFilterOrder.CLIENT_ADDRESS);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		ProblemResponseWriter problemResponseWriter(ObjectProvider<ObjectMapper> objectMapper) {
			return new ProblemResponseWriter(objectMapper.getIfAvailable(ObjectMapper::new));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
	static class MvcProblemConfiguration {

		@Bean
		@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
		ProblemExceptionHandler problemExceptionHandler() {
			return new ProblemExceptionHandler();
		}

		@Bean
		@ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
		ProblemErrorController problemErrorController(ObjectProvider<ErrorAttributes> errorAttributes,
				ObjectProvider<ServerProperties> serverProperties, ObjectProvider<ErrorViewResolver> errorViewResolvers) {
			return new ProblemErrorController(errorAttributes.getIfAvailable(DefaultErrorAttributes::new),
					serverProperties.getIfAvailable(ServerProperties::new).getError(),
					errorViewResolvers.orderedStream().toList());
		}

	}

}
