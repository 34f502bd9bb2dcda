package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.FeatureReport;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ResourcePressureEvent;
import io.github.hardening.test.JdbcTestSupport;
import io.github.hardening.test.RedisTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StorageCleanupAutoConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, StorageCleanupAutoConfiguration.class))
		.withPropertyValues("hardening.storage.cleanup.initial-delay=1h");

	private String rule() {
		return "hardening.storage.cleanup.rules[0].path=" + this.folder;
	}

	@Test
	void cleanupIsOffWithoutRules() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(StorageCleaner.class));
	}

	@Test
	void aRuleTurnsItOnWithAnInProcessLockAndAReportEntry() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d")
			.run((context) -> {
				assertThat(context).hasSingleBean(StorageCleaner.class).hasSingleBean(CleanupScheduler.class);
				assertThat(context.getBean("storageCleanupLockProvider")).isInstanceOf(LocalLockProvider.class);
				FeatureReport report = report(context.getBeansOfType(HardeningReportContributor.class).values()
					.stream().filter((c) -> c.feature().equals("storage-cleanup")).findFirst().orElseThrow());
				assertThat(report.settings()).containsEntry("lock", "local").containsKey("rules");
			});
	}

	@Test
	void cleanupBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d",
				"hardening.storage.cleanup.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StorageCleaner.class));
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d",
				"hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StorageCleaner.class));
	}

	@Test
	void lockProviderBacksOffWhenUserDefinesOne() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d")
			.withUserConfiguration(UserLockConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean("storageCleanupLockProvider")).isInstanceOf(NeverLock.class);
				assertThat(context.getBean(StorageCleaner.class).now(false).outcome())
					.isEqualTo(CleanupRun.Outcome.SKIPPED_LOCKED);
			});
	}

	@Test
	void theRootFolderFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.storage.cleanup.rules[0].path=/",
				"hardening.storage.cleanup.rules[0].max-age=1d")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.storage.cleanup.rules[0].path"));
	}

	@Test
	void aDataSourceSelectsTheJdbcLock() {
		String url = JdbcTestSupport.jdbcUrl();
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d")
			.withBean(PGSimpleDataSource.class, () -> {
				PGSimpleDataSource dataSource = new PGSimpleDataSource();
				dataSource.setUrl(url);
				return dataSource;
			})
			.run((context) -> {
				assertThat(CleanupLocks.kind(context.getBean("storageCleanupLockProvider", LockProvider.class)))
					.isEqualTo("jdbc");
				assertThat(context.getBean(StorageCleaner.class).now(false).outcome())
					.isEqualTo(CleanupRun.Outcome.COMPLETED);
			});
	}

	@Test
	void aDiskPressureEventStartsAPressureRunAtOnce() throws IOException {
		Path old = Files.write(this.folder.resolve("old.bin"), new byte[1000]);
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
		this.contextRunner
			.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=30d",
					"hardening.storage.cleanup.rules[0].free-space-threshold=10%",
					"hardening.storage.cleanup.rules[0].pressure-max-age=1h")
			.withBean(FreeSpaceSource.class, () -> new FreeSpaceSource() {

				@Override
				public long usableBytes(Path folder) {
					return Files.exists(old) ? 0 : 5000;
				}

				@Override
				public long totalBytes(Path folder) {
					return 10_000;
				}

			})
			.run((context) -> {
				context.publishEvent(new ResourcePressureEvent(this, "disk-free:" + this.folder, 0, 10, true));
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(old).doesNotExist());
				StorageCleaner cleaner = context.getBean(StorageCleaner.class);
				await().atMost(Duration.ofSeconds(20)).until(() -> cleaner.lastRun() != null);
				assertThat(cleaner.lastRun().trigger()).isEqualTo("pressure");
				assertThat(cleaner.metrics().counters()).containsEntry("pressure-incidents", 1L);
			});
	}

	@Test
	void theActuatorOperationRunsNowAsADryRunOrForReal() throws IOException {
		Path old = Files.write(this.folder.resolve("old.bin"), new byte[10]);
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
		this.contextRunner
			.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d",
					"management.endpoints.web.exposure.include=storagecleanup")
			.run((context) -> {
				StorageCleanupEndpoint endpoint = context.getBean(StorageCleanupEndpoint.class);
				CleanupRun dry = endpoint.run(true);
				assertThat(dry.rules().get(0).deleted()).containsExactly("old.bin");
				assertThat(old).exists();
				CleanupRun real = endpoint.run(null);
				assertThat(real.rules().get(0).deleted()).containsExactly("old.bin");
				assertThat(old).doesNotExist();
				assertThat(real.trigger()).isEqualTo("manual");
			});
	}

	@Test
	void twoInstancesSharingRedisRunOnceForEachCronTick() {
		String redis = RedisTestSupport.redisUrl();
		ApplicationContextRunner instance = this.contextRunner.withPropertyValues(rule(),
				"hardening.storage.cleanup.rules[0].max-age=1d", "hardening.storage.cleanup.initial-delay=0s",
				"hardening.storage.cleanup.cron=*/3 * * * * *", "hardening.storage.cleanup.lock.at-least-for=2500ms",
				"hardening.storage.cleanup.lock.redis-url=" + redis,
				"hardening.storage.cleanup.lock.name=two-instances-" + UUID.randomUUID());
		instance.run((first) -> instance.run((second) -> {
			StorageCleaner a = first.getBean(StorageCleaner.class);
			StorageCleaner b = second.getBean(StorageCleaner.class);
			assertThat(CleanupLocks.kind(first.getBean("storageCleanupLockProvider", LockProvider.class)))
				.isEqualTo("redis");
			await().atMost(Duration.ofSeconds(40)).until(() -> count(a, b, "runs-skipped-locked") >= 3);
			long completed = count(a, b, "runs-completed");
			long skipped = count(a, b, "runs-skipped-locked");
			// each tick: one instance runs, the other finds the lock held (one of them may still be mid-tick)
			assertThat(Math.abs(completed - skipped)).as("completed %d, skipped %d", completed, skipped)
				.isLessThanOrEqualTo(1);
		}));
	}

	private static long count(StorageCleaner a, StorageCleaner b, String counter) {
		return (long) a.metrics().counters().get(counter) + (long) b.metrics().counters().get(counter);
	}

	private static FeatureReport report(HardeningReportContributor contributor) {
		return contributor.report();
	}

	static class NeverLock implements LockProvider {

		@Override
		public Optional<SimpleLock> lock(LockConfiguration configuration) {
			return Optional.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLockConfiguration {

		@Bean
		LockProvider storageCleanupLockProvider() {
			return new NeverLock();
		}

	}

}
