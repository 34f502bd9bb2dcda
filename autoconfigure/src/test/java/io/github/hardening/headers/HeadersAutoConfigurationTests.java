package io.github.hardening.headers;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.AuditFinding;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.StartupAuditor;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, HeadersAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void headersFilterIsRegisteredByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityHeadersFilter.class).hasSingleBean(PresetResolver.class);
			assertThat(context).doesNotHaveBean(CspReportFilter.class);
		});
	}

	@Test
	void headersBackOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.headers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityHeadersFilter.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityHeadersFilter.class));
	}

	@Test
	void presetResolverBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserPresetsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(PresetResolver.class);
			assertThat(context.getBean(PresetResolver.class)).isSameAs(context.getBean("myPresets"));
		});
	}

	@Test
	void reportEndpointIsRegisteredWhenEnabled() {
		this.contextRunner.withPropertyValues("hardening.headers.csp.report-endpoint.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(CspReportFilter.class));
	}

	@Test
	void unquotedCspKeywordFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.headers.web.content-security-policy.script-src=self")
			.run(failsNaming("hardening.headers.web.content-security-policy.script-src"));
	}

	@Test
	void unknownReferrerPolicyFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.headers.referrer-policy=sometimes")
			.run(failsNaming("hardening.headers.referrer-policy"));
	}

	@Test
	void invalidPresetPatternFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.headers.presets[/app/**/x/**]=web")
			.run(failsNaming("hardening.headers.presets[/app/**/x/**]"));
	}

	@Test
	void preloadWithoutSubdomainsFails() {
		this.contextRunner
			.withPropertyValues("hardening.headers.hsts.preload=true", "hardening.headers.hsts.include-sub-domains=false")
			.run(failsNaming("hardening.headers.hsts.preload"));
	}

	@Test
	void userDirectiveOverridesOneDefaultAndKeepsTheOthers() {
		this.contextRunner
			.withPropertyValues("hardening.headers.web.content-security-policy.img-src='self' https://img.example.com")
			.run((context) -> {
				Map<String, String> web = context.getBean(HeadersProperties.class).getWeb().getContentSecurityPolicy();
				assertThat(web).containsEntry("img-src", "'self' https://img.example.com")
					.containsEntry("object-src", "'none'");
			});
	}

	@Test
	void auditFlagsUnsafeInlineScriptsAndShortHsts() {
		this.contextRunner
			.withPropertyValues("hardening.headers.web.content-security-policy.script-src='self' 'unsafe-inline'",
					"hardening.headers.hsts.max-age=1d")
			.run((context) -> assertThat(context.getBean(StartupAuditor.class).findings())
				.extracting(AuditFinding::property)
				.containsExactlyInAnyOrder("hardening.headers.web.content-security-policy.script-src",
						"hardening.headers.hsts.max-age"));
	}

	private static ContextConsumer<AssertableWebApplicationContext> failsNaming(String property) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(property);
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class UserPresetsConfiguration {

		@Bean
		PresetResolver myPresets() {
			PresetHeaders only = new PresetHeaders(HeaderPreset.API, Map.of("X-Custom", "1"), null, null, false);
			return new PresetResolver(Map.of("/**", only), only);
		}

	}

}
