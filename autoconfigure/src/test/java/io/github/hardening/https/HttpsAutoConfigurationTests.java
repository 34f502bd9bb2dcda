package io.github.hardening.https;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.ClientAddressResolver;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;

import static org.assertj.core.api.Assertions.assertThat;

class HttpsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, HttpsAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void redirectFilterIsOffByDefaultButTheFeatureReports() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(HttpsRedirectFilter.class);
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("https"));
		});
	}

	@Test
	void redirectFilterIsCreatedWhenEnabled() {
		this.contextRunner.withPropertyValues("hardening.https.redirect.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HttpsRedirectFilter.class));
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.https.enabled=false", "hardening.https.redirect.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HttpsRedirectFilter.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false", "hardening.https.redirect.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HttpsRedirectFilter.class));
	}

	@Test
	void redirectFilterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withPropertyValues("hardening.https.redirect.enabled=true")
			.withUserConfiguration(UserFilterConfiguration.class)
			.run((context) -> assertThat(context.getBean(HttpsRedirectFilter.class)).isSameAs(context.getBean("myRedirect")));
	}

	@Test
	void invalidStatusFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.https.redirect.enabled=true", "hardening.https.redirect.status=200")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.https.redirect.status"));
	}

	@Test
	void hostWithSchemeOrPathFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("hardening.https.redirect.enabled=true",
					"hardening.https.redirect.host=https://evil.example/x")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.https.redirect.host"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		HttpsRedirectFilter myRedirect(ClientAddressResolver resolver) {
			return new HttpsRedirectFilter(resolver, java.util.List.of(), 301, "example.com", 443, new io.github.hardening.core.LocalHardeningMetrics().counter("x", "x"));
		}

	}

}
