package io.github.hardening.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory penalty box: the threshold bans, a ban is listed until lifted, other keys are untouched.
 */
class MemoryPenaltyBoxTests {

	private final MemoryPenaltyBox box = new MemoryPenaltyBox(1000, 3, Duration.ofMinutes(1), Duration.ofMinutes(5));

	@Test
	void theThresholdthRejectionBansTheKey() {
		assertThat(this.box.recordRejection("k")).isFalse();
		assertThat(this.box.recordRejection("k")).isFalse();
		assertThat(this.box.bannedNanos("k")).isZero();
		assertThat(this.box.recordRejection("k")).isTrue();
		assertThat(Duration.ofNanos(this.box.bannedNanos("k"))).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
		assertThat(this.box.bannedNanos("other")).isZero();
		assertThat(this.box.activeBans(10)).containsOnlyKeys("k");
	}

	@Test
	void liftingABanForgetsItAndTheRejections() {
		for (int i = 0; i < 3; i++) {
			this.box.recordRejection("k");
		}
		assertThat(this.box.lift("k")).isTrue();
		assertThat(this.box.lift("k")).isFalse();
		assertThat(this.box.bannedNanos("k")).isZero();
		assertThat(this.box.recordRejection("k")).as("counting starts again").isFalse();
	}

}
