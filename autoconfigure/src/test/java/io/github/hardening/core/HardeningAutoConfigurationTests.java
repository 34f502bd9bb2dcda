package io.github.hardening.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HardeningAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void coreBeansArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ClientAddressResolver.class)
				.hasSingleBean(StartupAuditor.class)
				.hasSingleBean(ProblemResponseWriter.class)
				.hasSingleBean(ProblemExceptionHandler.class)
				.hasSingleBean(ProblemErrorController.class)
				.hasSingleBean(HardeningMetrics.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).containsKeys("hardeningRequestIdFilter",
					"hardeningClientAddressFilter");
		});
	}

	@Test
	void everythingBacksOffWhenHardeningIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ClientAddressResolver.class)
				.doesNotHaveBean(StartupAuditor.class)
				.doesNotHaveBean(ProblemExceptionHandler.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
		});
	}

	@Test
	void clientAddressResolverBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ClientAddressResolver.class);
			assertThat(context.getBean(ClientAddressResolver.class).trustedProxies().ranges())
				.containsExactly("192.0.2.0/24");
		});
	}

	@Test
	void invalidTrustedProxyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.client-ip.trusted-proxies=10.0.0.0/8,10.0.0.1/8")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("hardening.client-ip.trusted-proxies[1]");
			});
	}

	@Test
	void warnModeStartsAndKeepsEveryFinding() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.probes.enabled=false",
					"server.forward-headers-strategy=framework", "hardening.headers.hsts.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(StartupAuditor.class).findings()).extracting(AuditFinding::property)
					.containsExactlyInAnyOrder("management.endpoint.health.probes.enabled",
							"server.forward-headers-strategy", "hardening.headers.hsts.enabled");
			});
	}

	@Test
	void switchedOffRequestLimitsAreAFinding() {
		this.contextRunner.withPropertyValues("hardening.limits.enabled=false")
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings())
				.extracting(AuditFinding::property)
				.contains("hardening.limits.enabled"));
		this.contextRunner
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings())
				.extracting(AuditFinding::property)
				.doesNotContain("hardening.limits.enabled"));
	}

	@Test
	void strictModeRefusesToStartAndListsEveryFinding() {
		this.contextRunner
			.withPropertyValues("hardening.mode=strict", "management.endpoint.health.probes.enabled=false",
					"hardening.client-ip.trusted-proxies=0.0.0.0/0")
			.run((context) -> {
				assertThat(context).hasFailed();
				StartupAuditException failure = (StartupAuditException) context.getStartupFailure();
				assertThat(failure.getFindings()).extracting(AuditFinding::property)
					.containsExactlyInAnyOrder("management.endpoint.health.probes.enabled",
							"hardening.client-ip.trusted-proxies", "hardening.https.redirect.enabled");
				FailureAnalysis analysis = new StartupAuditFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("Property: hardening.client-ip.trusted-proxies",
						"Property: management.endpoint.health.probes.enabled");
				assertThat(analysis.getAction()).contains("hardening.mode=warn");
			});
	}

	@Test
	void strictModeStartsWhenNothingIsFound() {
		this.contextRunner.withPropertyValues("hardening.mode=strict", "hardening.https.redirect.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void actuatorExposureIsFlaggedOnlyOnTheApplicationPortWithoutSecurity() {
		this.contextRunner
			.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
					"org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=health,env,prometheus")
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings())
				.extracting(AuditFinding::property)
				.containsExactly(ActuatorExposureAuditCheck.PROPERTY));
		this.contextRunner
			.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
					"org.springframework.security"))
			.withPropertyValues("management.endpoints.web.exposure.include=*", "management.server.port=9091")
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings()).isEmpty());
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings()).isEmpty());
	}

	@Test
	void userAuditChecksJoinTheAudit() {
		this.contextRunner.withUserConfiguration(UserCheckConfiguration.class)
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings())
				.extracting(AuditFinding::property)
				.containsExactly("my.property"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		ClientAddressResolver myResolver() {
			return new ClientAddressResolver(TrustedProxies.of(List.of("192.0.2.0/24")), false);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheckConfiguration {

		@Bean
		StartupAuditCheck myCheck() {
			return (audit) -> audit.report("my.property", "is wrong", "set it right");
		}

	}

}
