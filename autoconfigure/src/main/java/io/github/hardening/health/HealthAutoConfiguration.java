package io.github.hardening.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Probes: the {@code hardening} readiness component running every {@link ReadinessCheck} (the database when
 * a DataSource exists, storage folders, and the checks other features register) in parallel with a timeout,
 * and the audit of the probe groups.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class,
		afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.health", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HealthProperties.class)
public class HealthAutoConfiguration {

	static final String FAILURES = "hardening.health.readiness.failures";

	private static final String FAILURES_DESCRIPTION = "Readiness checks that were not ready when probed";

	@Bean
	@ConditionalOnMissingBean(name = "hardeningProbesAuditCheck")
	StartupAuditCheck hardeningProbesAuditCheck() {
		return new ProbesGroupAuditCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	ReadinessRunner hardeningReadinessRunner(HealthProperties properties, ObjectProvider<ReadinessCheck> checks,
			HardeningMetrics metrics) {
		HealthSettingsValidator.validate(properties);
		HardeningCounter failures = metrics.counter(FAILURES, FAILURES_DESCRIPTION);
		return new ReadinessRunner(uniquelyNamed(checks.orderedStream().toList()),
				properties.getReadiness().getTimeout().toMillis(), executor(), (name) -> failures.increment());
	}

	@Bean
	@ConditionalOnMissingBean(name = "hardeningStorageReadinessCheck")
	@Conditional(StorageFoldersCondition.class)
	ReadinessCheck hardeningStorageReadinessCheck(HealthProperties properties) {
		return new StorageReadinessCheck(properties.getStorage().getFolders(),
				properties.getStorage().getMinFreeSpace().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean(name = "healthReportContributor")
	HardeningReportContributor healthReportContributor(HealthProperties properties, ReadinessRunner runner,
			HardeningMetrics metrics) {
		return new HealthReportContributor(properties, runner, metrics.counter(FAILURES, FAILURES_DESCRIPTION));
	}

	private static ExecutorService executor() {
		AtomicInteger count = new AtomicInteger();
		return Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "hardening-readiness-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	private static List<ReadinessCheck> uniquelyNamed(List<ReadinessCheck> checks) {
		Set<String> seen = new HashSet<>();
		List<ReadinessCheck> result = new ArrayList<>();
		for (ReadinessCheck check : checks) {
			String name = check.name();
			int suffix = 2;
			while (!seen.add(name)) {
				name = check.name() + "-" + suffix++;
			}
			result.add(name.equals(check.name()) ? check : renamed(check, name));
		}
		return result;
	}

	private static ReadinessCheck renamed(ReadinessCheck check, String name) {
		return new ReadinessCheck() {

			@Override
			public io.github.hardening.core.ReadinessResult check() throws Exception {
				return check.check();
			}

			@Override
			public String name() {
				return name;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnProperty(prefix = "hardening.health.readiness", name = "database", matchIfMissing = true)
	static class DatabaseConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningDatabaseReadinessCheck")
		ReadinessCheck hardeningDatabaseReadinessCheck(DataSource dataSource, HealthProperties properties) {
			int seconds = (int) Math.ceil(properties.getReadiness().getTimeout().toMillis() / 1000.0);
			return new DataSourceReadinessCheck(dataSource, seconds);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ReadinessMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hardeningReadinessMeters")
		MeterBinder hardeningReadinessMeters(ReadinessRunner runner) {
			return (registry) -> Gauge.builder("hardening.health.readiness.ready", runner,
					(r) -> (r.lastReady() == null) ? Double.NaN : (r.lastReady() ? 1 : 0))
				.description("1 when every readiness check was ready at the last probe, 0 when not")
				.register(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthIndicatorConfiguration {

		/** Named so that the health component is {@code hardening}, the name the readiness group includes. */
		@Bean
		@ConditionalOnMissingBean(name = "hardeningHealthIndicator")
		ReadinessHealthIndicator hardeningHealthIndicator(ReadinessRunner runner) {
			return new ReadinessHealthIndicator(runner);
		}

	}

}
