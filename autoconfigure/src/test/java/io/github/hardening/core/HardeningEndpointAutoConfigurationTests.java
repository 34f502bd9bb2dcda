package io.github.hardening.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HardeningEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class,
				HardeningEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=hardening",
				"management.endpoint.health.probes.enabled=true");

	@Test
	void endpointReportsEveryKnownFeatureAndMasksSecrets() {
		this.contextRunner.withUserConfiguration(SecretFeatureConfiguration.class).run((context) -> {
			HardeningEndpoint.HardeningReport report = context.getBean(HardeningEndpoint.class).report();
			assertThat(report.mode()).isEqualTo("warn");
			assertThat(report.features()).containsKeys(HardeningEndpoint.KNOWN_FEATURES.toArray(String[]::new));
			assertThat(report.features().get("client-ip").enabled()).isTrue();
			assertThat(report.features().get("headers").enabled()).as("not configured in this context").isFalse();
			FeatureReport secretive = report.features().get("secretive");
			assertThat(secretive.settings()).containsEntry("signing-secret", SettingsMasker.MASK)
				.containsEntry("name", "visible");
			assertThat(secretive.settings().get("nested")).isEqualTo(Map.of("api-key", SettingsMasker.MASK));
		});
	}

	@Test
	void endpointIsAbsentWhenHardeningIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningEndpoint.class));
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class,
					HardeningEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningEndpoint.class));
	}

	@Test
	void singleFeatureCanBeRead() {
		this.contextRunner.run((context) -> {
			HardeningEndpoint endpoint = context.getBean(HardeningEndpoint.class);
			assertThat(endpoint.feature("client-ip").enabled()).isTrue();
			assertThat(endpoint.feature("no-such-feature")).isNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class SecretFeatureConfiguration {

		@Bean
		HardeningReportContributor secretive() {
			return new HardeningReportContributor() {

				@Override
				public String feature() {
					return "secretive";
				}

				@Override
				public FeatureReport report() {
					return new FeatureReport(true, Map.of("signing-secret", "hunter2", "name", "visible", "nested",
							Map.of("api-key", "k")), Map.of());
				}

			};
		}

	}

}
