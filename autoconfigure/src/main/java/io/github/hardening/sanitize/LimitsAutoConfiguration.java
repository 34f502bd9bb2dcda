package io.github.hardening.sanitize;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.apache.tika.Tika;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Request limits: the body size limit filter, Jackson parser limits on the application's
 * {@code ObjectMapper} (never the JVM-wide defaults) and their problem responses. The hardened server
 * defaults come from {@link ServerDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class, before = JacksonAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.limits", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LimitsCounters limitsCounters(HardeningMetrics metrics) {
		return new LimitsCounters(metrics);
	}

	@Bean
	@ConditionalOnMissingFilterBean(RequestBodyLimitFilter.class)
	FilterRegistrationBean<RequestBodyLimitFilter> hardeningRequestBodyLimitFilter(LimitsProperties properties,
			ProblemResponseWriter problems, LimitsCounters counters) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(JsonLimitsMapper.maxBodyBytes(properties), problems, counters.body()));
		registration.setOrder(HardeningFilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "limitsReportContributor")
	LimitsReportContributor limitsReportContributor(LimitsProperties properties, LimitsCounters counters,
			Environment environment) {
		return new LimitsReportContributor(properties, counters, environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObjectMapper.class, Jackson2ObjectMapperBuilderCustomizer.class })
	static class JacksonLimitsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningJsonLimitsCustomizer")
		Jackson2ObjectMapperBuilderCustomizer hardeningJsonLimitsCustomizer(LimitsProperties properties) {
			StreamReadConstraints constraints = JsonLimitsMapper.constraints(properties.getJson());
			// Only the factory of the mapper being built is changed, not StreamReadConstraints' JVM default.
			return (builder) -> builder
				.postConfigurer((mapper) -> mapper.getFactory().setStreamReadConstraints(constraints));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tika.class)
	@ConditionalOnProperty(prefix = "hardening.limits.multipart", name = "enabled", matchIfMissing = true)
	static class MultipartConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UploadTypeDetector uploadTypeDetector() {
			return new UploadTypeDetector();
		}

		@Bean
		@ConditionalOnMissingFilterBean(MultipartUploadFilter.class)
		FilterRegistrationBean<MultipartUploadFilter> hardeningMultipartUploadFilter(LimitsProperties properties,
				UploadTypeDetector detector, ProblemResponseWriter problems, LimitsCounters counters) {
			LimitsProperties.Multipart multipart = properties.getMultipart();
			UploadPolicy policy = UploadPolicy.of(multipart.getAllowedExtensions(), multipart.getAllowedTypes());
			FilterRegistrationBean<MultipartUploadFilter> registration = new FilterRegistrationBean<>(
					new MultipartUploadFilter(policy, detector, problems, counters));
			// Same slot as the body limit, which leaves multipart requests to this filter.
			registration.setOrder(HardeningFilterOrder.REQUEST_LIMITS);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
	static class MvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SanitizeExceptionHandler sanitizeExceptionHandler(ObjectProvider<ResponseEntityExceptionHandler> fallback,
				ObjectProvider<LimitsCounters> counters) {
			return new SanitizeExceptionHandler(fallback, counters);
		}

	}

}
