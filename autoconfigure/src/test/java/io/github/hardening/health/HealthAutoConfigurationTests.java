package io.github.hardening.health;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;
import io.github.hardening.core.StartupAuditException;
import io.github.hardening.test.JdbcTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withInitializer((context) -> new HardeningDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), null))
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, HealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
				AvailabilityProbesAutoConfiguration.class));

	@Test
	void readinessGroupIncludesTheHardeningComponentByDefault() {
		this.contextRunner.run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
			assertThat(groups.get("readiness").isMember("hardening")).isTrue();
			assertThat(groups.get("liveness").isMember("hardening")).isFalse();
			assertThat(context).hasSingleBean(ReadinessHealthIndicator.class);
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("health"));
		});
	}

	@Test
	void readinessRunsTheChecksOtherFeaturesRegister() {
		this.contextRunner.withUserConfiguration(FeatureCheckConfiguration.class).run((context) -> {
			Map<String, ReadinessResult> results = context.getBean(ReadinessRunner.class).run();
			assertThat(results.get("rate-limit-redis").ready()).isFalse();
			assertThat(context.getBean(ReadinessHealthIndicator.class).health().getStatus().getCode())
				.isEqualTo("OUT_OF_SERVICE");
		});
	}

	@Test
	void realDatabaseIsCheckedWhenADataSourceExists() {
		String url = JdbcTestSupport.jdbcUrl();
		this.contextRunner.withBean(DataSource.class, () -> dataSource(url)).run((context) -> {
			ReadinessResult result = context.getBean(ReadinessRunner.class).run().get("database");
			assertThat(result.ready()).as(String.valueOf(result.details())).isTrue();
			assertThat(result.details()).containsEntry("database", "PostgreSQL");
		});
	}

	@Test
	void unreachableDatabaseMakesTheInstanceNotReady() {
		this.contextRunner.withBean(DataSource.class, () -> dataSource("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1"))
			.run((context) -> {
				assertThat(context.getBean(ReadinessRunner.class).run().get("database").ready()).isFalse();
				assertThat(context.getBean(ReadinessHealthIndicator.class).health().getStatus().getCode())
					.isEqualTo("OUT_OF_SERVICE");
			});
	}

	@Test
	void databaseCheckCanBeSwitchedOff() {
		this.contextRunner.withBean(DataSource.class, () -> dataSource("jdbc:postgresql://127.0.0.1:1/test"))
			.withPropertyValues("hardening.health.readiness.database=false")
			.run((context) -> assertThat(context.getBean(ReadinessRunner.class).names()).doesNotContain("database"));
	}

	@Test
	void storageFoldersAreCheckedForExistenceAndWrites(@TempDir Path folder) {
		this.contextRunner.withPropertyValues("hardening.health.storage.folders[0]=" + folder).run((context) -> {
			assertThat(context.getBean(ReadinessRunner.class).run().get("storage").ready()).isTrue();
		});
		this.contextRunner.withPropertyValues("hardening.health.storage.folders=" + folder.resolve("missing"))
			.run((context) -> {
				ReadinessResult result = context.getBean(ReadinessRunner.class).run().get("storage");
				assertThat(result.ready()).isFalse();
				assertThat(result.details().get("reason").toString()).contains("does not exist");
			});
	}

	@Test
	void storageFolderWithTooLittleFreeSpaceIsNotReady(@TempDir Path folder) {
		this.contextRunner
			.withPropertyValues("hardening.health.storage.folders=" + folder,
					"hardening.health.storage.min-free-space=1000000TB")
			.run((context) -> assertThat(context.getBean(ReadinessRunner.class).run().get("storage").details()
				.get("reason").toString()).contains("hardening.health.storage.min-free-space"));
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessRunner.class)
				.doesNotHaveBean(ReadinessHealthIndicator.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReadinessRunner.class));
	}

	@Test
	void userIndicatorWins() {
		this.contextRunner.withUserConfiguration(UserIndicatorConfiguration.class)
			.run((context) -> assertThat(context.getBean("hardeningHealthIndicator"))
				.isSameAs(context.getBean(UserIndicatorConfiguration.class).indicator));
	}

	@Test
	void invalidTimeoutFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.health.readiness.timeout=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.health.readiness.timeout"));
	}

	@Test
	void strictAuditRefusesAnExternalSystemInTheLivenessGroup() {
		this.contextRunner
			.withPropertyValues("hardening.mode=strict", "management.endpoint.health.group.liveness.include=livenessState,db")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(StartupAuditException.class)
				.hasMessageContaining("management.endpoint.health.group.liveness.include")
				.hasMessageContaining("[db]"));
	}

	@Test
	void strictAuditRefusesDetailsShownToEveryoneOnThePublicPort() {
		this.contextRunner.withPropertyValues("hardening.mode=strict", "management.endpoint.health.show-details=always")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasMessageContaining("management.endpoint.health.show-details"));
	}

	private static DataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class FeatureCheckConfiguration {

		@Bean
		ReadinessCheck rateLimitRedisCheck() {
			return new ReadinessCheck() {

				@Override
				public ReadinessResult check() {
					return ReadinessResult.notReady("Redis did not answer PING");
				}

				@Override
				public String name() {
					return "rate-limit-redis";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		final ReadinessHealthIndicator indicator = new ReadinessHealthIndicator(
				new ReadinessRunner(java.util.List.of(), 100, Runnable::run, (name) -> {
				}));

		@Bean
		ReadinessHealthIndicator hardeningHealthIndicator() {
			return this.indicator;
		}

	}

}
