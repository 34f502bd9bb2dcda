package io.github.hardening.storage.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * The time between two scheduled cleanup runs, exported so that an alert can tell a late run from a normal
 * wait: the fixed interval, or for a cron schedule the gap between its next two firings.
 */
final class ScheduleInterval {

	private final Duration interval;

	private final CronExpression cron;

	private final Clock clock;

	ScheduleInterval(Duration interval, String cron, Clock clock) {
		this.interval = interval;
		this.cron = (cron != null && !cron.isBlank()) ? CronExpression.parse(cron) : null;
		this.clock = clock;
	}

	double seconds() {
		if (this.cron == null) {
			return this.interval.toMillis() / 1000.0;
		}
		ZonedDateTime next = this.cron.next(ZonedDateTime.now(this.clock));
		ZonedDateTime after = (next != null) ? this.cron.next(next) : null;
		return (after != null) ? Duration.between(next, after).toMillis() / 1000.0 : Double.NaN;
	}

}
