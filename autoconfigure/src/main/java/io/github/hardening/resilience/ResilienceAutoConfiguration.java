package io.github.hardening.resilience;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ReadinessCheck;

/**
 * The outbound resilience pipeline on resilience4j's registries, applied to every {@code RestClient} and
 * {@code RestTemplate} built from Spring Boot's builders.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class, afterName = {
		"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
		"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
		"io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration" })
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.resilience", name = "enabled", matchIfMissing = true)
@ConditionalOnClass({ CircuitBreakerRegistry.class, BulkheadRegistry.class, TimeLimiterRegistry.class, HttpHeaders.class })
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerRegistry circuitBreakerRegistry() {
		return CircuitBreakerRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	BulkheadRegistry bulkheadRegistry() {
		return BulkheadRegistry.ofDefaults();
	}

	@Bean
	@ConditionalOnMissingBean
	TimeLimiterRegistry timeLimiterRegistry() {
		return TimeLimiterRegistry.ofDefaults();
	}

	@Bean(name = "hardeningResilienceExecutor", destroyMethod = "shutdownNow")
	@ConditionalOnMissingBean(name = "hardeningResilienceExecutor")
	ExecutorService hardeningResilienceExecutor() {
		// Attempts run here so the caller can stop waiting at the attempt timeout; bulkheads bound the threads.
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				daemonThreads());
	}

	@Bean
	@ConditionalOnMissingBean
	ClientPipelines clientPipelines(ResilienceProperties properties, CircuitBreakerRegistry breakers,
			BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters, HardeningMetrics metrics,
			@Qualifier("hardeningResilienceExecutor") ExecutorService executor) {
		ClientSettings defaults = ClientSettingsMapper.defaults(properties);
		List<ClientSettings> clients = ClientSettingsMapper.clients(properties);
		ClientPipelineFactory factory = new ClientPipelineFactory(breakers, bulkheads, timeLimiters, executor,
				metrics);
		return new ClientPipelines(clients.stream().map(factory::create).toList(),
				(host) -> factory.create(defaults.named(host)));
	}

	@Bean
	@ConditionalOnMissingBean(name = "resilienceReportContributor")
	ResilienceReportContributor resilienceReportContributor(ResilienceProperties properties,
			ClientPipelines pipelines) {
		return new ResilienceReportContributor(ClientSettingsMapper.defaults(properties), pipelines);
	}

	@Bean
	@ConditionalOnMissingBean(name = "resilienceReadinessCheck")
	ReadinessCheck resilienceReadinessCheck(ClientPipelines pipelines) {
		return new CriticalBreakersReadinessCheck(pipelines);
	}

	@Bean
	@ConditionalOnMissingBean
	ResilienceAuditCheck resilienceAuditCheck(ResilienceProperties properties) {
		return new ResilienceAuditCheck(properties);
	}

	private static CustomizableThreadFactory daemonThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("hardening-resilience-");
		threads.setDaemon(true);
		return threads;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "resilienceRestClientCustomizer")
		RestClientCustomizer resilienceRestClientCustomizer(ClientPipelines pipelines,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factoryBuilder,
				ObjectProvider<ClientHttpRequestFactorySettings> factorySettings) {
			// The builder has no getter for its factory, so the same one Boot would use is built and wrapped.
			return (builder) -> builder.requestFactory(new ResilientClientHttpRequestFactory(
					factoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect)
						.build(factorySettings.getIfAvailable(ClientHttpRequestFactorySettings::defaults)),
					pipelines));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestTemplate.class, RestTemplateCustomizer.class })
	static class RestTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "resilienceRestTemplateCustomizer")
		RestTemplateCustomizer resilienceRestTemplateCustomizer(ClientPipelines pipelines) {
			return (restTemplate) -> restTemplate.getInterceptors().add(new ResilienceInterceptor(pipelines));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(ObjectMapper.class)
	static class ProblemConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResilienceProblemHandler resilienceProblemHandler() {
			return new ResilienceProblemHandler();
		}

	}

}
