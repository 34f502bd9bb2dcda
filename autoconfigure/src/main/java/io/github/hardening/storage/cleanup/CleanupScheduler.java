package io.github.hardening.storage.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

import io.github.hardening.core.ResourcePressureEvent;

/**
 * Starts the runs: at a fixed delay or on a cron expression after the initial delay, and at once when the
 * resource monitor reports disk pressure. Uses a one-thread scheduler of its own, so runs never overlap on
 * an instance and never hold up the application's scheduled tasks.
 */
public class CleanupScheduler implements SmartLifecycle, ApplicationListener<ResourcePressureEvent> {

	private static final Log logger = LogFactory.getLog(CleanupScheduler.class);

	private final StorageCleaner cleaner;

	private final Duration interval;

	private final String cron;

	private final Duration initialDelay;

	private final AtomicBoolean pressureQueued = new AtomicBoolean();

	private volatile ThreadPoolTaskScheduler scheduler;

	/**
	 * Creates the scheduler.
	 * @param cleaner runs the rules
	 * @param interval fixed delay between runs, when there is no cron expression
	 * @param cron cron expression, or {@code null}
	 * @param initialDelay delay before the first run
	 */
	public CleanupScheduler(StorageCleaner cleaner, Duration interval, String cron, Duration initialDelay) {
		this.cleaner = cleaner;
		this.interval = interval;
		this.cron = (cron != null && !cron.isBlank()) ? cron : null;
		this.initialDelay = initialDelay;
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
		tasks.setPoolSize(1);
		tasks.setThreadNamePrefix("hardening-cleanup-");
		tasks.setDaemon(true);
		tasks.setWaitForTasksToCompleteOnShutdown(false);
		tasks.initialize();
		Instant first = Instant.now().plus(this.initialDelay);
		if (this.cron != null) {
			// the cron ticks start after the initial delay
			tasks.schedule(() -> tasks.schedule(this::scheduledRun, new CronTrigger(this.cron)), first);
		}
		else {
			tasks.scheduleWithFixedDelay(this::scheduledRun, first, this.interval);
		}
		this.scheduler = tasks;
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler tasks = this.scheduler;
		this.scheduler = null;
		if (tasks != null) {
			tasks.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public void onApplicationEvent(ResourcePressureEvent event) {
		ThreadPoolTaskScheduler tasks = this.scheduler;
		if (tasks == null || !event.isDisk() || !event.isUnderPressure() || !this.pressureQueued.compareAndSet(false, true)) {
			return;
		}
		tasks.execute(() -> {
			this.pressureQueued.set(false);
			guarded(this.cleaner::pressure);
		});
	}

	private void scheduledRun() {
		guarded(this.cleaner::scheduled);
	}

	private void guarded(Runnable run) {
		try {
			run.run();
		}
		catch (RuntimeException ex) {
			// a broken run must not cancel the schedule
			logger.error("Storage cleanup run failed", ex);
		}
	}

}
