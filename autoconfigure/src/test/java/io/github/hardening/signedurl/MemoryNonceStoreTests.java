package io.github.hardening.signedurl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory store of single-use links: the first use wins, concurrently too, and a record ends with its link.
 */
class MemoryNonceStoreTests {

	@Test
	void firstUseWinsAndTheRecordExpiresWithTheLink() {
		SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MemoryNonceStore store = new MemoryNonceStore(clock);
		assertThat(store.markUsed("n:a", Duration.ofSeconds(60))).isTrue();
		assertThat(store.markUsed("n:a", Duration.ofSeconds(60))).isFalse();
		assertThat(store.markUsed("n:b", Duration.ofSeconds(60))).isTrue();
		clock.now = clock.now.plusSeconds(61);
		assertThat(store.markUsed("n:a", Duration.ofSeconds(60))).as("the link expired, so did its record").isTrue();
		assertThat(store.markUsed("n:a", Duration.ofSeconds(60))).isFalse();
	}

	@Test
	void exactlyOneOfManyConcurrentUsesWins() throws Exception {
		MemoryNonceStore store = new MemoryNonceStore(Clock.systemUTC());
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				results.add(executor.submit(() -> {
					go.await();
					return store.markUsed("n:x", Duration.ofMinutes(1));
				}));
			}
			go.countDown();
			int wins = 0;
			for (Future<Boolean> result : results) {
				wins += result.get() ? 1 : 0;
			}
			assertThat(wins).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static final class SettableClock extends Clock {

		Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
