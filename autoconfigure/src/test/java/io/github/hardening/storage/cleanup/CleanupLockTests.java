package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import io.github.hardening.core.LocalHardeningMetrics;
import io.github.hardening.test.JdbcTestSupport;
import io.github.hardening.test.RedisTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two cleaners (two instances of a cluster) sharing a real lock: while one runs, the other skips; once it
 * is done, the other may run.
 */
class CleanupLockTests {

	@TempDir
	Path folder;

	@Test
	void redisLetsOneInstanceRunAtATime() throws Exception {
		String url = RedisTestSupport.redisUrl();
		try (RedisLockProvider first = new RedisLockProvider(url, "hardening:test:", Clock.systemUTC());
				RedisLockProvider second = new RedisLockProvider(url, "hardening:test:", Clock.systemUTC())) {
			oneRunAtATime(first, second);
		}
	}

	@Test
	void jdbcLetsOneInstanceRunAtATime() throws Exception {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(JdbcTestSupport.jdbcUrl());
		oneRunAtATime(JdbcLocks.provider(dataSource, "shedlock", true), JdbcLocks.provider(dataSource, "shedlock", true));
	}

	@Test
	void inProcessLockLetsOneRunAtATime() throws Exception {
		LocalLockProvider shared = new LocalLockProvider(Clock.systemUTC());
		oneRunAtATime(shared, shared);
	}

	@Test
	void aScheduledRunHoldsTheLockForItsMinimumSoTheSameTickDoesNotRunTwice() throws Exception {
		String url = RedisTestSupport.redisUrl();
		try (RedisLockProvider first = new RedisLockProvider(url, "hardening:test:", Clock.systemUTC());
				RedisLockProvider second = new RedisLockProvider(url, "hardening:test:", Clock.systemUTC())) {
			String name = "tick-" + UUID.randomUUID();
			StorageCleaner a = cleaner(first, name, new CleanupWalker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES));
			StorageCleaner b = cleaner(second, name, new CleanupWalker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES));
			assertThat(a.scheduled().outcome()).isEqualTo(CleanupRun.Outcome.COMPLETED);
			assertThat(b.scheduled().outcome()).isEqualTo(CleanupRun.Outcome.SKIPPED_LOCKED);
		}
	}

	private void oneRunAtATime(LockProvider first, LockProvider second) throws Exception {
		String name = "test-" + UUID.randomUUID();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		StorageCleaner a = cleaner(first, name, new BlockingWalker(running, release));
		StorageCleaner b = cleaner(second, name, new CleanupWalker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES));
		CompletableFuture<CleanupRun> firstRun = CompletableFuture.supplyAsync(run(a));
		assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(b.now(false).outcome()).isEqualTo(CleanupRun.Outcome.SKIPPED_LOCKED);
		release.countDown();
		assertThat(firstRun.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(CleanupRun.Outcome.COMPLETED);
		assertThat(b.now(false).outcome()).isEqualTo(CleanupRun.Outcome.COMPLETED);
		assertThat(b.metrics().counters()).containsEntry("runs-skipped-locked", 1L).containsEntry("runs-completed", 1L);
	}

	private static Supplier<CleanupRun> run(StorageCleaner cleaner) {
		return () -> cleaner.now(false);
	}

	private StorageCleaner cleaner(LockProvider locks, String name, CleanupWalker walker) {
		CleanupRule rule = new CleanupRule("t", this.folder, new CleanupRule.Selection(List.of(), List.of(), 1, AgeBy.MODIFIED),
				new CleanupRule.Retention(Duration.ofDays(1), -1, true, null, Duration.ofHours(1)));
		return new StorageCleaner(List.of(rule), walker, locks,
				new StorageCleaner.CleanupSettings(name, Duration.ofMinutes(1), Duration.ofSeconds(30), false,
						Clock.systemUTC()),
				new CleanupMetrics(new LocalHardeningMetrics(), List.of(rule)));
	}

	/** A walker that, inside its run, says it is running and waits to be released. */
	private static final class BlockingWalker extends CleanupWalker {

		private final CountDownLatch running;

		private final CountDownLatch release;

		BlockingWalker(CountDownLatch running, CountDownLatch release) {
			super(Clock.systemUTC(), FreeSpaceSource.FILE_STORES);
			this.running = running;
			this.release = release;
		}

		@Override
		public CleanupReport run(CleanupRule rule, boolean dryRun, boolean pressure, Duration maxRunTime) {
			this.running.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return super.run(rule, dryRun, pressure, maxRunTime);
		}

	}

}
