package io.github.hardening.signedurl;

import java.time.Clock;

import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
	@ConditionalOnMissingBean(name = "signedUrlReportContributor")
	HardeningReportContributor signedUrlReportContributor(SignedUrlProperties properties, SigningKeys keys,
			SignedUrlCounters counters) {
		return new SignedUrlReportContributor(properties, keys, counters);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisClient.class)
	@ConditionalOnProperty(prefix = "hardening.signed-url", name = "store", havingValue = "redis")
	static class RedisNonceStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NonceStore redisNonceStore(SignedUrlProperties properties, Environment environment) {
			return SignedUrlRedis.store(properties.getRedis(), environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SignedUrlEnforcer signedUrlEnforcer(UrlSigner signer, ObjectProvider<NonceStore> store,
				SignedUrlProperties properties, ClientAddressResolver clientAddresses,
				SignedUrlCounters counters, ProblemResponseWriter problems) {
			NonceStore nonces = store.getIfAvailable(() -> {
				throw new IllegalStateException("hardening.signed-url.store=redis needs io.lettuce:lettuce-core "
						+ "on the class path; add it or set hardening.signed-url.store=memory");
			});
			SingleUseGuard singleUse = new SingleUseGuard(nonces,
					SignedUrlMapper.patterns("single-use-paths", properties.getSingleUsePaths()),
					properties.getClockSkew());
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
