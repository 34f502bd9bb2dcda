package io.github.hardening.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Inbound load shedding: a fixed concurrency limit enforced by a servlet filter, off by default.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.load-shedding", name = "enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ObjectMapper.class)
@EnableConfigurationProperties(LoadSheddingProperties.class)
public class LoadSheddingAutoConfiguration {

	private static final String SHED = "hardening.load-shedding.shed";

	private static final String SHED_DESCRIPTION = "Requests refused with 503 because the server was at its limit";

	@Bean
	@ConditionalOnMissingBean
	ConcurrencyLimiter loadSheddingLimiter(LoadSheddingProperties properties) {
		return LoadSheddingMapper.limiter(properties);
	}

	@Bean
	@ConditionalOnMissingFilterBean(LoadSheddingFilter.class)
	FilterRegistrationBean<LoadSheddingFilter> hardeningLoadSheddingFilter(LoadSheddingProperties properties,
			ConcurrencyLimiter limiter, ProblemResponseWriter problems, HardeningMetrics metrics) {
		HardeningCounter shed = metrics.counter(SHED, SHED_DESCRIPTION);
		FilterRegistrationBean<LoadSheddingFilter> registration = new FilterRegistrationBean<>(new LoadSheddingFilter(
				limiter, LoadSheddingMapper.excludedPaths(properties.getExcludedPaths()), problems,
				properties.getRetryAfter().getSeconds(), shed));
		registration.setOrder(HardeningFilterOrder.LOAD_SHEDDING);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	LoadSheddingReportContributor loadSheddingReportContributor(LoadSheddingProperties properties,
			ConcurrencyLimiter limiter, HardeningMetrics metrics) {
		return new LoadSheddingReportContributor(properties, limiter, metrics.counter(SHED, SHED_DESCRIPTION));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class GaugesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "loadSheddingGauges")
		MeterBinder loadSheddingGauges(ConcurrencyLimiter limiter) {
			return (registry) -> {
				Gauge.builder("hardening.load-shedding.in-flight", limiter, ConcurrencyLimiter::inFlight)
					.description("Requests being processed under the concurrency limit")
					.register(registry);
				Gauge.builder("hardening.load-shedding.limit", limiter, ConcurrencyLimiter::limit)
					.description("Concurrency limit of inbound requests")
					.register(registry);
			};
		}

	}

}
