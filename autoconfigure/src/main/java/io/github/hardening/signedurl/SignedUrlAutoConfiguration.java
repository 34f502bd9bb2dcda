package io.github.hardening.signedurl;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.RedisStoreReadinessCheck;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Signed URLs: the {@link UrlSigner}, the single-use store, the filter for protected paths and the
 * interceptor for {@link SignedUrlRequired} handlers.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.signed-url", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SignedUrlProperties.class)
public class SignedUrlAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SigningKeys signingKeys(SignedUrlProperties properties) {
		return SignedUrlMapper.keys(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	UrlSigner urlSigner(SigningKeys keys, SignedUrlProperties properties, ObjectProvider<Clock> clock) {
		return new UrlSigner(keys, SignedUrlMapper.policy(properties), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean(name = "signedUrlAuditCheck")
	StartupAuditCheck signedUrlAuditCheck(SigningKeys keys) {
		return new SignedUrlAuditCheck(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "hardening.signed-url", name = "store", havingValue = "memory", matchIfMissing = true)
	NonceStore memoryNonceStore(ObjectProvider<Clock> clock) {
		return new MemoryNonceStore(clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	SignedUrlCounters signedUrlCounters(HardeningMetrics metrics) {
		return new SignedUrlCounters(metrics);
	}

	@Bean
	@ConditionalOnMissingBean
	NonceStoreFailures signedUrlStoreFailures(SignedUrlProperties properties, HardeningMetrics metrics) {
		Duration interval = properties.getRedis().getOpenInterval();
		long retryAfter = (interval != null) ? (interval.toMillis() + 999) / 1000 : 1;
		return new NonceStoreFailures(properties.getFailureMode(), retryAfter, metrics);
	}

	@Bean
	@ConditionalOnMissingBean(name = "signedUrlReportContributor")
	HardeningReportContributor signedUrlReportContributor(SignedUrlProperties properties, SigningKeys keys,
			SignedUrlCounters counters, NonceStoreFailures failures, ObjectProvider<NonceStore> store) {
		return new SignedUrlReportContributor(properties, keys, counters,
				new SignedUrlReportContributor.StoreState(store, failures));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisClient.class)
	@ConditionalOnProperty(prefix = "hardening.signed-url", name = "store", havingValue = "redis")
	static class RedisNonceStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(NonceStore.class)
		RedisNonceStore redisNonceStore(SignedUrlProperties properties, Environment environment) {
			return SignedUrlRedis.store(properties.getRedis(), environment);
		}

		@Bean
		@ConditionalOnBean(RedisNonceStore.class)
		@ConditionalOnMissingBean(name = "signedUrlRedisReadinessCheck")
		@ConditionalOnProperty(prefix = "hardening.signed-url.redis", name = "readiness-check", havingValue = "true")
		ReadinessCheck signedUrlRedisReadinessCheck(RedisNonceStore store, SignedUrlProperties properties) {
			// Off by default: every instance shares the same Redis, so all would leave traffic together, a full
			// outage to protect only the single-use links.
			return new RedisStoreReadinessCheck("signed-url-redis", store.breaker(), store::ping,
					() -> store.describe().get("url"), properties.getRedis().getCommandTimeout().multipliedBy(5));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SignedUrlEnforcer signedUrlEnforcer(UrlSigner signer, ObjectProvider<NonceStore> store,
				SignedUrlProperties properties, ClientAddressResolver clientAddresses,
				SignedUrlCounters counters, ProblemResponseWriter problems, NonceStoreFailures failures) {
			NonceStore nonces = store.getIfAvailable(() -> {
				throw new InvalidConfigurationPropertyValueException("hardening.signed-url.store", "redis",
						"The Redis store needs io.lettuce:lettuce-core on the class path; add it or set "
								+ "hardening.signed-url.store=memory.");
			});
			SingleUseGuard singleUse = new SingleUseGuard(nonces,
					SignedUrlMapper.patterns("single-use-paths", properties.getSingleUsePaths()),
					properties.getClockSkew(), failures);
			return new SignedUrlEnforcer(signer, singleUse, clientAddresses, counters, problems);
		}

		@Bean
		@ConditionalOnMissingBean(name = "signedUrlFilterRegistration")
		FilterRegistrationBean<SignedUrlFilter> signedUrlFilterRegistration(SignedUrlEnforcer enforcer,
				SignedUrlProperties properties) {
			FilterRegistrationBean<SignedUrlFilter> registration = new FilterRegistrationBean<>(new SignedUrlFilter(
					SignedUrlMapper.patterns("protected-paths", properties.getProtectedPaths()), enforcer));
			registration.setOrder(HardeningFilterOrder.SIGNED_URL);
			return registration;
		}

		@Bean
		@ConditionalOnClass(DispatcherServlet.class)
		@ConditionalOnMissingBean(name = "signedUrlWebMvcConfigurer")
		WebMvcConfigurer signedUrlWebMvcConfigurer(SignedUrlEnforcer enforcer) {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new SignedUrlInterceptor(enforcer));
				}
			};
		}

	}

}
