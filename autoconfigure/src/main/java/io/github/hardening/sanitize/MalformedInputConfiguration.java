package io.github.hardening.sanitize;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Refusal of malformed percent-encoding and UTF-8 in query parameters, form fields and (on Tomcat) paths,
 * which the container would otherwise replace or drop silently. Part of parameter normalisation: off when
 * {@code hardening.sanitize.text.mode} is {@code off} or {@code hardening.sanitize.text.parameters} is
 * {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
class MalformedInputConfiguration {

	@Bean
	@ConditionalOnMissingFilterBean(ParameterEncodingFilter.class)
	FilterRegistrationBean<ParameterEncodingFilter> hardeningParameterEncodingFilter(SanitizeProperties properties,
			ObjectProvider<ServerProperties> serverProperties, ObjectProvider<FormContentFilter> formContentFilter,
			ProblemResponseWriter problems) {
		ServerProperties.Tomcat tomcat = serverProperties.getIfAvailable(ServerProperties::new).getTomcat();
		long maxFormBytes = tomcat.getMaxHttpFormPostSize().toBytes();
		int maxParameters = tomcat.getMaxParameterCount();
		FilterRegistrationBean<ParameterEncodingFilter> registration = new FilterRegistrationBean<>(
				new ParameterEncodingFilter((maxFormBytes >= 0) ? maxFormBytes : Integer.MAX_VALUE - 8,
						(maxParameters >= 0) ? maxParameters : Integer.MAX_VALUE,
						formContentFilter.getIfAvailable() != null, problems));
		registration.setOrder(HardeningFilterOrder.PARAMETER_ENCODING);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(isOn(properties));
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "sanitizeMalformedParametersConfigurer")
	WebMvcConfigurer sanitizeMalformedParametersConfigurer(SanitizeProperties properties, HardeningMetrics metrics) {
		MalformedParameterInterceptor interceptor = new MalformedParameterInterceptor(
				SanitizeAutoConfiguration.rejected(metrics));
		boolean on = isOn(properties);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				if (on) {
					registry.addInterceptor(interceptor);
				}
			}

		};
	}

	static boolean isOn(SanitizeProperties properties) {
		return properties.getText().getMode() != TextMode.OFF && properties.getText().isParameters();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatPathConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "sanitizeMalformedPathCustomizer")
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> sanitizeMalformedPathCustomizer(
				SanitizeProperties properties, ProblemResponseWriter problems, HardeningMetrics metrics) {
			return (factory) -> {
				if (isOn(properties)) {
					factory.addEngineValves(new MalformedPathValve(problems, SanitizeAutoConfiguration.rejected(metrics)));
				}
			};
		}

	}

}
