package io.github.hardening.sanitize;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.LocalHardeningMetrics;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, JacksonAutoConfiguration.class,
				LimitsAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void bodyLimitAndJsonLimitsAreOnByDefault() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("hardeningRequestBodyLimitFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(RequestBodyLimitFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HardeningFilterOrder.REQUEST_LIMITS);
			StreamReadConstraints constraints = context.getBean(ObjectMapper.class)
				.getFactory()
				.streamReadConstraints();
			assertThat(constraints.getMaxNestingDepth()).isEqualTo(64);
			assertThat(constraints.getMaxStringLength()).isEqualTo(1_000_000);
			assertThat(constraints.getMaxNumberLength()).isEqualTo(100);
			assertThat(constraints.getMaxNameLength()).isEqualTo(1000);
			assertThat(context).hasSingleBean(SanitizeExceptionHandler.class);
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("limits") && c.report().settings().containsKey("max-body-size"));
		});
	}

	@Test
	void uploadChecksAreOnByDefaultAndCanBeSwitchedOff() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("hardeningMultipartUploadFilter")
			.hasSingleBean(UploadTypeDetector.class));
		this.contextRunner.withPropertyValues("hardening.limits.multipart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hardeningMultipartUploadFilter")
				.hasBean("hardeningRequestBodyLimitFilter"));
	}

	@Test
	void jvmWideJacksonDefaultsAreLeftAlone() {
		this.contextRunner.withPropertyValues("hardening.limits.json.max-nesting-depth=5").run((context) -> {
			assertThat(context.getBean(ObjectMapper.class).getFactory().streamReadConstraints().getMaxNestingDepth())
				.isEqualTo(5);
			assertThat(StreamReadConstraints.defaults().getMaxNestingDepth()).isNotEqualTo(5);
			assertThat(new ObjectMapper().getFactory().streamReadConstraints().getMaxNestingDepth()).isNotEqualTo(5);
		});
	}

	@Test
	void optionalJsonLimitsAreAppliedWhenSet() {
		this.contextRunner
			.withPropertyValues("hardening.limits.json.max-document-length=10KB",
					"hardening.limits.json.max-token-count=500")
			.run((context) -> {
				StreamReadConstraints constraints = context.getBean(ObjectMapper.class)
					.getFactory()
					.streamReadConstraints();
				assertThat(constraints.getMaxDocumentLength()).isEqualTo(10240);
				assertThat(constraints.getMaxTokenCount()).isEqualTo(500);
			});
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.limits.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("hardeningRequestBodyLimitFilter")
				.doesNotHaveBean(LimitsCounters.class);
			assertThat(context.getBean(ObjectMapper.class).getFactory().streamReadConstraints().getMaxNestingDepth())
				.isNotEqualTo(64);
		});
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hardeningRequestBodyLimitFilter"));
	}

	@Test
	void bodyLimitFilterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean("hardeningRequestBodyLimitFilter")
				.hasBean("myLimit"));
	}

	@Test
	void nonPositiveBodySizeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.limits.max-body-size=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.limits.max-body-size"));
	}

	@Test
	void nonPositiveJsonLimitFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.limits.json.max-nesting-depth=-1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.limits.json.max-nesting-depth"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		FilterRegistrationBean<RequestBodyLimitFilter> myLimit() {
			return new FilterRegistrationBean<>(new RequestBodyLimitFilter(10, null,
					new LocalHardeningMetrics().counter("x", "x")));
		}

	}

}
