package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.test.Undeletable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code storageCleanup} health component over real runs on real files: up after a clean run, degraded by
 * a file that cannot be deleted, by a run that breaks off, and by no completed run for two intervals.
 */
class StorageCleanupHealthIndicatorTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, StorageCleanupAutoConfiguration.class))
		.withPropertyValues("hardening.storage.cleanup.initial-delay=1h", "hardening.storage.cleanup.interval=1m");

	private String rule() {
		return "hardening.storage.cleanup.rules[0].path=" + this.folder;
	}

	@Test
	void aCleanRunIsUp() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d").run((context) -> {
			Path old = old("a/old.log");
			context.getBean(StorageCleaner.class).now(false);
			Health health = context.getBean(StorageCleanupHealthIndicator.class).health();
			assertThat(old).doesNotExist();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("lastOutcome", "completed").containsEntry("lastFailures", 0L)
				.doesNotContainKey("problems");
		});
	}

	@Test
	void aFileThatCannotBeDeletedTurnsItDegradedAndNamesTheError() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d").run((context) -> {
			Path stuck = old("a/stuck.log");
			Path other = old("b/other.log");
			try (Undeletable undeletable = Undeletable.make(stuck)) {
				CleanupRun run = context.getBean(StorageCleaner.class).now(false);
				assertThat(run.outcome()).isEqualTo(CleanupRun.Outcome.FAILED);
				assertThat(run.failures()).isEqualTo(1);
				Health health = context.getBean(StorageCleanupHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(StorageCleanupHealthIndicator.DEGRADED);
				assertThat(health.getDetails().get("problems").toString())
					.contains("the last run could not handle 1 files or folders");
				assertThat(health.getDetails().get("lastErrors").toString()).contains(undeletable.deleteError() + " in " + stuck.getParent());
			}
			assertThat(stuck).exists();
			assertThat(other).doesNotExist();
		});
	}

	@Test
	void aRunThatBreaksOffTurnsItDegradedWithTheReason() {
		this.contextRunner.withUserConfiguration(BrokenLock.class)
			.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d")
			.run((context) -> {
				CleanupRun run = context.getBean(StorageCleaner.class).now(false);
				assertThat(run.outcome()).isEqualTo(CleanupRun.Outcome.FAILED);
				Health health = context.getBean(StorageCleanupHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(StorageCleanupHealthIndicator.DEGRADED);
				assertThat(health.getDetails().get("problems").toString())
					.contains("the last run failed: the lock 'hardening-storage-cleanup' cannot be reached")
					.contains("lock server down");
			});
	}

	@Test
	void noCompletedRunForTwoIntervalsTurnsItDegradedUntilARunCompletes() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d").run((context) -> {
			StorageCleaner cleaner = context.getBean(StorageCleaner.class);
			MovableClock clock = new MovableClock();
			StorageCleanupHealthIndicator indicator = new StorageCleanupHealthIndicator(cleaner, () -> 60, clock,
					Duration.ofSeconds(10));
			clock.advance(Duration.ofSeconds(10 + 119));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			clock.advance(Duration.ofSeconds(2));
			Health late = indicator.health();
			assertThat(late.getStatus()).isEqualTo(StorageCleanupHealthIndicator.DEGRADED);
			assertThat(late.getDetails().get("problems").toString()).contains("no run has completed for two intervals (PT2M)");
			cleaner.now(false);
			clock.set(Instant.now());
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			clock.advance(Duration.ofMinutes(3));
			assertThat(indicator.health().getStatus()).isEqualTo(StorageCleanupHealthIndicator.DEGRADED);
		});
	}

	@Test
	void theIndicatorFollowsBootsHealthSwitch() {
		this.contextRunner.withPropertyValues(rule(), "hardening.storage.cleanup.rules[0].max-age=1d",
				"management.health.storagecleanup.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(StorageCleaner.class)
				.doesNotHaveBean(StorageCleanupHealthIndicator.class));
	}

	private Path old(String relative) throws IOException {
		Path file = this.folder.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "old");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
		return file;
	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenLock {

		@Bean
		LockProvider storageCleanupLockProvider() {
			return (lock) -> {
				throw new IllegalStateException("lock server down");
			};
		}

	}

	/** A clock the test moves; starts now. */
	private static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
