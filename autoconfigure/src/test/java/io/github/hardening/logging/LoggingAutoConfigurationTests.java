package io.github.hardening.logging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.LocalHardeningMetrics;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, LoggingAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void requestLoggingFilterAndRequestIdPropagationAreOnByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RequestLoggingFilter.class).hasBean("hardeningRequestIdRestClientCustomizer");
			assertThat(context.getBean(RestClientCustomizer.class)).isNotNull();
			HardeningReportContributor report = context.getBeansOfType(HardeningReportContributor.class)
				.values()
				.stream()
				.filter((c) -> c.feature().equals("logging"))
				.findFirst()
				.orElseThrow();
			assertThat(report.report().settings()).containsEntry("format", "plain").containsEntry("access-log", false);
		});
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestLoggingFilter.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestLoggingFilter.class));
	}

	@Test
	void userFilterWins() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class)
			.run((context) -> assertThat(context.getBean(RequestLoggingFilter.class)).isSameAs(context.getBean("myFilter")));
	}

	@Test
	void invalidMaskingPatternFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.logging.masking.patterns[0]=(unclosed")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.logging.masking.patterns[0]"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		RequestLoggingFilter myFilter(ClientAddressResolver resolver) {
			return new RequestLoggingFilter(resolver, false, false, new LocalHardeningMetrics().counter("x", "x"));
		}

	}

}
