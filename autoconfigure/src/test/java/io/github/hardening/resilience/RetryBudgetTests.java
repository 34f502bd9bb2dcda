package io.github.hardening.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

	private final RetryBudget budget = new RetryBudget(0.2, 1, Duration.ofSeconds(10), this.nanos::get);

	private int retriesAllowed(int attempts) {
		int allowed = 0;
		for (int i = 0; i < attempts; i++) {
			if (this.budget.tryRetry()) {
				allowed++;
			}
		}
		return allowed;
	}

	@Test
	void withoutTrafficOnlyTheMinimumPerSecondOverTheWindowIsAllowed() {
		assertThat(retriesAllowed(100)).isEqualTo(10);
	}

	@Test
	void callsEarnAShareOfRetries() {
		for (int i = 0; i < 100; i++) {
			this.budget.recordCall();
		}
		assertThat(retriesAllowed(1000)).isEqualTo(30);
	}

	@Test
	void budgetRecoversOnceOldSecondsLeaveTheWindow() {
		assertThat(retriesAllowed(100)).isEqualTo(10);
		this.nanos.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(retriesAllowed(100)).isZero();
		this.nanos.addAndGet(Duration.ofSeconds(6).toNanos());
		assertThat(retriesAllowed(100)).isEqualTo(10);
	}

}
