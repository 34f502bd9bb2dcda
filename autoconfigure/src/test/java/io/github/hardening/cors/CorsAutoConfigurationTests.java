package io.github.hardening.cors;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.hardening.core.AuditFinding;
import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.StartupAuditException;
import io.github.hardening.core.StartupAuditor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration: on by default, off by either switch, user beans win, bad policies stop the start.
 */
class CorsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, CorsAutoConfiguration.class));

	@Test
	void corsIsOnByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CorsPolicies.class)
				.hasSingleBean(CorsReportContributor.class)
				.hasSingleBean(CorsAuditCheck.class)
				.hasBean("hardeningCorsFilter");
			FilterRegistrationBean<?> registration = context.getBean("hardeningCorsFilter", FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(CorsPolicyFilter.class);
			assertThat(registration.getOrder()).isEqualTo(HardeningFilterOrder.CORS);
			assertThat(context.getBean(CorsPolicies.class).allowAnyOrigin()).isFalse();
		});
	}

	@Test
	void corsIsOffWhenCorsIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.cors.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ProblemResponseWriter.class)
				.doesNotHaveBean(CorsPolicies.class)
				.doesNotHaveBean("hardeningCorsFilter")
				.doesNotHaveBean(CorsReportContributor.class);
		});
	}

	@Test
	void corsIsOffWhenHardeningIsDisabled() {
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CorsPolicies.class)
				.doesNotHaveBean("hardeningCorsFilter"));
	}

	@Test
	void corsFilterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean("hardeningCorsFilter").hasBean("userCorsFilter");
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.filteredOn((registration) -> registration.getFilter() instanceof CorsPolicyFilter)
				.hasSize(1);
		});
	}

	@Test
	void corsPoliciesBackOffWhenUserDefinesThem() {
		this.contextRunner.withUserConfiguration(UserPoliciesConfiguration.class)
			.withPropertyValues("hardening.cors.allowed-origins=not an origin")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CorsPolicies.class);
				assertThat(context.getBean(CorsPolicies.class).allowAnyOrigin()).isTrue();
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"hardening.cors.allowed-origins=*,hardening.cors.allow-credentials=true|hardening.cors.allowed-origins[0]",
			"hardening.cors.allowed-origin-patterns=*,hardening.cors.allow-credentials=true"
					+ "|hardening.cors.allowed-origin-patterns[0]",
			"hardening.cors.allowed-origins=null|hardening.cors.allowed-origins[0]",
			"hardening.cors.allowed-origin-patterns=https://*example.com|hardening.cors.allowed-origin-patterns[0]",
			"hardening.cors.allowed-origin-patterns=https://example.*|hardening.cors.allowed-origin-patterns[0]",
			"hardening.cors.allowed-origins=https://a.example.com/x|hardening.cors.allowed-origins[0]",
			"hardening.cors.allowed-origins=a.example.com|hardening.cors.allowed-origins[0]",
			"hardening.cors.mappings[0].paths=/api/**,hardening.cors.mappings[1].paths=/partner/**,"
					+ "hardening.cors.mappings[1].allowed-origin-patterns=https://*partner.example"
					+ "|hardening.cors.mappings[1].allowed-origin-patterns[0]",
			"hardening.cors.mappings[0].allowed-origins=https://a.example.com|hardening.cors.mappings[0].paths",
			"hardening.cors.mappings[0].paths=api/**|hardening.cors.mappings[0].paths[0]",
			"hardening.cors.max-age=-5|hardening.cors.max-age" })
	void unsafeOrMalformedPolicyStopsTheStartNamingTheProperty(String properties, String property) {
		this.contextRunner.withPropertyValues(properties.split(",(?=hardening)")).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("Property " + property + " with value");
		});
	}

	@Test
	void strictModeRefusesPlainHttpOrigins() {
		this.contextRunner
			.withPropertyValues("hardening.mode=strict", "hardening.cors.allowed-origins=http://app.example.com")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("hardening.cors.allowed-origins[0]")
				.hasMessageContaining("defeats TLS"));
	}

	@Test
	void warnModeReportsPlainHttpOriginsThroughTheAudit() {
		this.contextRunner
			.withPropertyValues("hardening.cors.allowed-origins=https://app.example.com,http://legacy.example.com",
					"hardening.cors.mappings[0].paths=/partner/**",
					"hardening.cors.mappings[0].allowed-origin-patterns=http://*.partner.example.com",
					"hardening.cors.mappings[1].paths=/public/**")
			.run((context) -> assertThat(corsFindings(context.getBean(StartupAuditor.class))).containsExactly(
					"hardening.cors.mappings[0].allowed-origin-patterns[0]", "hardening.cors.allowed-origins[1]"));
	}

	@Test
	void warnModeReportsAnAllowedNullOriginThroughTheAudit() {
		this.contextRunner.withPropertyValues("hardening.cors.allow-null-origin=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(corsFindings(context.getBean(StartupAuditor.class)))
				.containsExactly("hardening.cors.allow-null-origin");
		});
	}

	@Test
	void strictModeRefusesToStartWithAnAllowedNullOrigin() {
		this.contextRunner.withPropertyValues("hardening.mode=strict", "hardening.cors.allow-null-origin=true")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOfSatisfying(StartupAuditException.class,
					(ex) -> assertThat(ex.getFindings()).extracting(AuditFinding::property)
						.contains("hardening.cors.allow-null-origin")));
	}

	@Test
	void rejectionCountersAreRegisteredAtStartupForEveryReason() {
		this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(CorsRejectionCounters.METRIC).counters()).hasSize(3);
			for (String reason : List.of("origin", "method", "headers")) {
				assertThat(registry.get(CorsRejectionCounters.METRIC).tag("reason", reason).counter().count()).isZero();
			}
		});
	}

	@Test
	void reportShowsTheEffectivePoliciesAndTheCounters() {
		this.contextRunner
			.withPropertyValues("hardening.cors.allowed-origins=https://app.example.com",
					"hardening.cors.mappings[0].paths=/public/**", "hardening.cors.mappings[0].allowed-origin-patterns=*")
			.run((context) -> {
				FeatureReport report = context.getBean(CorsReportContributor.class).report();
				assertThat(report.enabled()).isTrue();
				assertThat(report.settings()).containsEntry("allowed-origins", List.of("https://app.example.com"))
					.containsEntry("allow-credentials", false)
					.containsEntry("max-age", "PT10M");
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> mappings = (List<Map<String, Object>>) report.settings().get("mappings");
				assertThat(mappings).singleElement()
					.satisfies((mapping) -> assertThat(mapping).containsEntry("paths", List.of("/public/**"))
						.containsEntry("allowed-origin-patterns", List.of("*"))
						.containsEntry("allowed-origins", List.of("https://app.example.com")));
				assertThat(report.counters()).containsEntry("rejected", Map.of("origin", 0L, "method", 0L, "headers", 0L));
			});
	}

	private static List<String> corsFindings(StartupAuditor auditor) {
		return auditor.findings()
			.stream()
			.map(AuditFinding::property)
			.filter((property) -> property.startsWith("hardening.cors"))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		FilterRegistrationBean<CorsPolicyFilter> userCorsFilter(CorsPolicies policies, ProblemResponseWriter problems,
				CorsRejectionCounters counters) {
			return new FilterRegistrationBean<>(new CorsPolicyFilter(policies, new CorsDecider(), problems, counters));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPoliciesConfiguration {

		@Bean
		CorsPolicies userCorsPolicies() {
			CorsProperties properties = new CorsProperties();
			properties.setAllowedOrigins(List.of("https://mine.example.com"));
			return new CorsPolicies(properties, new CorsPolicyValidator(true));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
