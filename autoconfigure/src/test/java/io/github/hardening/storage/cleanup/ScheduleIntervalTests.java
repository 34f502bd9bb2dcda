package io.github.hardening.storage.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleIntervalTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T22:00:00Z"), ZoneOffset.UTC);

	@Test
	void fixedIntervalIsExportedInSeconds() {
		assertThat(new ScheduleInterval(Duration.ofMinutes(90), null, this.clock).seconds()).isEqualTo(5400.0);
	}

	@Test
	void cronScheduleIsTheGapBetweenItsNextTwoFirings() {
		// Every six hours: the next two firings are 00:00 and 06:00.
		assertThat(new ScheduleInterval(Duration.ofHours(1), "0 0 */6 * * *", this.clock).seconds())
			.isEqualTo(21600.0);
		// Blank cron falls back to the interval, as the scheduler does.
		assertThat(new ScheduleInterval(Duration.ofHours(1), " ", this.clock).seconds()).isEqualTo(3600.0);
	}

}
