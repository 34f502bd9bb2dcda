package io.github.hardening.core;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker in front of the Redis store, on a hand-moved clock.
 */
class StoreBreakerTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final StoreBreaker breaker = new StoreBreaker(3, 5_000, this.now::get);

	@Test
	void opensAfterConsecutiveFailuresAndLetsOneTrialThroughAfterTheInterval() {
		this.breaker.failure();
		this.breaker.failure();
		assertThat(this.breaker.allowCall()).as("below the threshold").isTrue();
		this.breaker.failure();
		assertThat(this.breaker.isOpen()).isTrue();
		assertThat(this.breaker.allowCall()).as("bypassed during the interval").isFalse();
		this.now.addAndGet(5_000);
		assertThat(this.breaker.allowCall()).as("one trial").isTrue();
		assertThat(this.breaker.allowCall()).as("only one").isFalse();
		this.breaker.failure();
		assertThat(this.breaker.allowCall()).as("trial failed: open again").isFalse();
		this.now.addAndGet(5_000);
		assertThat(this.breaker.allowCall()).isTrue();
		this.breaker.success();
		assertThat(this.breaker.isOpen()).isFalse();
		assertThat(this.breaker.allowCall()).isTrue();
		assertThat(this.breaker.allowCall()).isTrue();
	}

	@Test
	void successResetsTheFailureCount() {
		this.breaker.failure();
		this.breaker.failure();
		this.breaker.success();
		this.breaker.failure();
		assertThat(this.breaker.isOpen()).isFalse();
		assertThat(this.breaker.consecutiveFailures()).isEqualTo(1);
	}

}
