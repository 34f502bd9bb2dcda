package io.github.hardening.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

/**
 * Rate limiting: validated policies, a store for the buckets, the early filter and the MVC interceptor.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.rate-limit", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Bucket.class)
@EnableConfigurationProperties(RateLimitProperties.class)
@Import(RedisStoreConfiguration.class)
public class RateLimitAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RateLimitRules rateLimitRules(RateLimitProperties properties, ClientAddressResolver clients) {
		return RateLimitRulesMapper.rules(properties, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitCounters rateLimitCounters(HardeningMetrics metrics, RateLimitRules rules) {
		return new RateLimitCounters(metrics, rules);
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitEnforcer rateLimitEnforcer(RateLimitStore store, PenaltyBox penaltyBox, RateLimitProperties properties,
			ProblemResponseWriter problems, RateLimitCounters counters) {
		long retryAfter = (properties.getStore() == RateLimitStoreType.REDIS)
				? properties.getRedis().getOpenInterval().toSeconds() : 1;
		RateLimitHeaders headers = new RateLimitHeaders(properties.isHeaders(), properties.isLegacyHeaders());
		return new RateLimitEnforcer(store, penaltyBox, new RateLimitEnforcer.RateLimitResponses(headers, problems),
				counters, new StoreFailurePolicy(properties.getFailureMode(), retryAfter));
	}

	@Bean
	@ConditionalOnMissingFilterBean(RateLimitFilter.class)
	FilterRegistrationBean<RateLimitFilter> hardeningRateLimitFilter(RateLimitRules rules, RateLimitEnforcer enforcer,
			ClientAddressResolver clients, ProblemResponseWriter problems, RateLimitCounters counters) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(rules, enforcer, clients, problems, counters));
		registration.setOrder(HardeningFilterOrder.RATE_LIMIT);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitReportContributor rateLimitReportContributor(RateLimitProperties properties, RateLimitRules rules,
			RateLimitStore store, RateLimitCounters counters, PenaltyBox penaltyBox) {
		return new RateLimitReportContributor(properties, rules, store, counters, penaltyBox);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Caffeine.class)
	@ConditionalOnProperty(prefix = "hardening.rate-limit", name = "store", havingValue = "memory",
			matchIfMissing = true)
	static class MemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimitStore rateLimitStore(RateLimitProperties properties, RateLimitRules rules) {
			return new MemoryRateLimitStore(properties.getMaxKeys(), rules.longestWindow());
		}

		@Bean
		@ConditionalOnMissingBean
		PenaltyBox rateLimitPenaltyBox(RateLimitProperties properties) {
			RateLimitProperties.Ban ban = BanSettings.validated(properties.getBan());
			return ban.isEnabled() ? new MemoryPenaltyBox(properties.getMaxKeys(), ban.getThreshold(), ban.getWindow(),
					ban.getDuration()) : PenaltyBox.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimitMeters rateLimitMeters(PenaltyBox penaltyBox) {
			return new RateLimitMeters(penaltyBox);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		RateLimitBansEndpoint rateLimitBansEndpoint(PenaltyBox penaltyBox) {
			return new RateLimitBansEndpoint(penaltyBox);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass({ "io.lettuce.core.RedisClient", "io.github.bucket4j.redis.lettuce.Bucket4jLettuce" })
	@ConditionalOnProperty(prefix = "hardening.rate-limit", name = "store", havingValue = "redis")
	static class MissingRedisLibraryConfiguration {

		@Bean
		RateLimitStore rateLimitStore() {
			throw new InvalidConfigurationPropertyValueException("hardening.rate-limit.store", "redis",
					"Add io.lettuce:lettuce-core and com.bucket4j:bucket4j_jdk17-lettuce to the application, "
							+ "or use store: memory.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebMvcConfigurer.class, RequestMappingHandlerMapping.class })
	static class MvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimitInterceptor rateLimitInterceptor(RateLimitRules rules, RateLimitEnforcer enforcer) {
			return new RateLimitInterceptor(rules, enforcer);
		}

		@Bean
		WebMvcConfigurer rateLimitWebMvcConfigurer(RateLimitInterceptor interceptor) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean
		RateLimitedHandlerValidator rateLimitedHandlerValidator(RateLimitRules rules,
				ObjectProvider<RequestMappingHandlerMapping> mappings) {
			return new RateLimitedHandlerValidator(rules, mappings);
		}

	}

}
