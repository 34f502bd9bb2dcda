package io.github.hardening.sanitize;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.LocalHardeningMetrics;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizeAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, JacksonAutoConfiguration.class,
				SanitizeAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void textNormalisationIsOnByDefaultForJsonAndParameters() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TextSanitizer.class)
				.hasSingleBean(SanitizeJacksonModule.class)
				.hasSingleBean(SanitizeExceptionHandler.class)
				.hasBean("sanitizeParametersConfigurer");
			assertThat(context.getBean(TextSanitizer.class).mode()).isEqualTo(TextMode.NORMALIZE);
			ObjectMapper mapper = context.getBean(ObjectMapper.class);
			assertThat(mapper.readValue("\"a\\u0000b\\u202Ec\"", String.class)).isEqualTo("abc");
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("sanitize") && c.report().enabled());
		});
	}

	@Test
	void modeAndFormAreConfigurable() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=reject", "hardening.sanitize.text.form=nfkc")
			.run((context) -> {
				assertThat(context.getBean(TextSanitizer.class).mode()).isEqualTo(TextMode.REJECT);
				assertThat(context.getBean(TextSanitizer.class).apply("abc", "x")).isEqualTo("abc");
			});
	}

	@Test
	void jsonAndParametersCanBeSwitchedOffSeparately() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.json=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SanitizeJacksonModule.class)
				.hasBean("sanitizeParametersConfigurer"));
		this.contextRunner.withPropertyValues("hardening.sanitize.text.parameters=false")
			.run((context) -> assertThat(context).hasSingleBean(SanitizeJacksonModule.class)
				.doesNotHaveBean("sanitizeParametersConfigurer"));
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.sanitize.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TextSanitizer.class).doesNotHaveBean(SanitizeJacksonModule.class);
			assertThat(context.getBean(ObjectMapper.class).readValue("\"a\\u0000b\"", String.class))
				.isEqualTo("a\u0000b");
		});
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TextSanitizer.class));
	}

	@Test
	void textSanitizerBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserSanitizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(TextSanitizer.class)).isSameAs(context.getBean("mySanitizer"));
			assertThat(context.getBean(ObjectMapper.class).readValue("\"a\\u0000b\"", String.class))
				.isEqualTo("a\u0000b");
		});
	}

	@Test
	void unknownModeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.sanitize.text.mode=sometimes")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("hardening.sanitize.text.mode"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSanitizerConfiguration {

		@Bean
		TextSanitizer mySanitizer() {
			LocalHardeningMetrics metrics = new LocalHardeningMetrics();
			return new TextSanitizer(new TextNormalizer(TextNormalizer.Form.NONE), TextMode.OFF,
					metrics.counter("n", "n"), metrics.counter("r", "r"));
		}

	}

}
