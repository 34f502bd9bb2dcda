package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.core.LockProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.HardeningReportContributor;

/**
 * The storage cleanup: retention rules run on a schedule and on disk pressure, one run at a time across the
 * cluster (ShedLock). Off unless at least one rule is configured.
 */
@AutoConfiguration(after = HardeningAutoConfiguration.class,
		afterName = { "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnProperty(prefix = "hardening", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.storage.cleanup", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "hardening.storage.cleanup.rules[0]", name = "path")
@ConditionalOnClass(LockProvider.class)
@EnableConfigurationProperties(StorageCleanupProperties.class)
public class StorageCleanupAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "storageCleanupLockProvider")
	LockProvider storageCleanupLockProvider(StorageCleanupProperties properties, Environment environment,
			ObjectProvider<DataSource> dataSources) {
		return CleanupLocks.provider(properties.getLock(), environment, dataSources, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	StorageCleaner storageCleaner(StorageCleanupProperties properties, LockProvider storageCleanupLockProvider,
			HardeningMetrics metrics, ObjectProvider<FreeSpaceSource> freeSpace) {
		List<CleanupRule> rules = CleanupRuleMapper.rules(properties, new DangerousFolders(realHome(), realWorkingFolder()));
		StorageCleanupProperties.Lock lock = properties.getLock();
		StorageCleaner.CleanupSettings settings = new StorageCleaner.CleanupSettings(lock.getName(),
				properties.getMaxRunTime(), lock.getAtLeastFor(), properties.isDryRun(), Clock.systemUTC());
		CleanupWalker walker = new CleanupWalker(Clock.systemUTC(), freeSpace.getIfAvailable(() -> FreeSpaceSource.FILE_STORES));
		return new StorageCleaner(rules, walker, storageCleanupLockProvider, settings, new CleanupMetrics(metrics, rules));
	}

	@Bean
	@ConditionalOnMissingBean
	CleanupScheduler storageCleanupScheduler(StorageCleaner cleaner, StorageCleanupProperties properties) {
		return new CleanupScheduler(cleaner, properties.getInterval(), properties.getCron(),
				properties.getInitialDelay());
	}

	@Bean
	@ConditionalOnMissingBean(name = "storageCleanupReportContributor")
	HardeningReportContributor storageCleanupReportContributor(StorageCleaner cleaner,
			StorageCleanupProperties properties, LockProvider storageCleanupLockProvider) {
		return new StorageCleanupReportContributor(cleaner, properties, CleanupLocks.kind(storageCleanupLockProvider));
	}

	private static Path realHome() {
		return real(Path.of(System.getProperty("user.home")));
	}

	private static Path realWorkingFolder() {
		return real(Path.of("").toAbsolutePath());
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (java.io.IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class StorageCleanupEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		StorageCleanupEndpoint storageCleanupEndpoint(StorageCleaner cleaner) {
			return new StorageCleanupEndpoint(cleaner);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("storagecleanup")
	static class StorageCleanupHealthConfiguration {

		/** Named so that the health component is {@code storageCleanup}. */
		@Bean
		@ConditionalOnMissingBean(name = "storageCleanupHealthIndicator")
		StorageCleanupHealthIndicator storageCleanupHealthIndicator(StorageCleaner cleaner,
				StorageCleanupProperties properties) {
			ScheduleInterval interval = new ScheduleInterval(properties.getInterval(), properties.getCron(),
					Clock.systemDefaultZone());
			return new StorageCleanupHealthIndicator(cleaner, interval::seconds, Clock.systemUTC(),
					properties.getInitialDelay());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class StorageCleanupMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "storageCleanupMeters")
		MeterBinder storageCleanupMeters(StorageCleaner cleaner, StorageCleanupProperties properties) {
			CleanupMetrics metrics = cleaner.metrics();
			ScheduleInterval interval = new ScheduleInterval(properties.getInterval(), properties.getCron(),
					Clock.systemDefaultZone());
			return (registry) -> {
				metrics.perRule().forEach((rule, counts) -> {
					FunctionCounter.builder("hardening.storage.cleanup.files.deleted", counts[CleanupMetrics.FILES],
							AtomicLong::get)
						.description("Files deleted by the storage cleanup").tag("rule", rule).register(registry);
					FunctionCounter.builder("hardening.storage.cleanup.bytes.deleted", counts[CleanupMetrics.BYTES],
							AtomicLong::get)
						.description("Bytes of the files deleted by the storage cleanup")
						.tag("rule", rule).register(registry);
					FunctionCounter.builder("hardening.storage.cleanup.failures", counts[CleanupMetrics.FAILURES],
							AtomicLong::get)
						.description("Files or folders the storage cleanup could not read or delete").tag("rule", rule)
						.register(registry);
				});
				Gauge.builder("hardening.storage.cleanup.last.run.duration", metrics, CleanupMetrics::lastDurationSeconds)
					.description("Duration of the last storage cleanup run").baseUnit("seconds").register(registry);
				// Prometheus names: ..._last_success_timestamp_seconds and ..._interval_seconds, the pair the
				// "cleanup not run for two intervals" alert in docs/operations compares.
				Gauge.builder("hardening.storage.cleanup.last.success.timestamp", metrics,
						CleanupMetrics::lastSuccessEpochSeconds)
					.description("End of the last successful storage cleanup run, in seconds since the epoch")
					.baseUnit("seconds").register(registry);
				Gauge.builder("hardening.storage.cleanup.interval", interval, ScheduleInterval::seconds)
					.description("Time between two scheduled storage cleanup runs")
					.baseUnit("seconds").register(registry);
			};
		}

	}

}
