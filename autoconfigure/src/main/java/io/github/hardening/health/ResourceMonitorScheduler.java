package io.github.hardening.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Samples the {@link ResourceMonitor} at a fixed interval on one daemon thread, from the time the application
 * starts until it stops.
 */
public class ResourceMonitorScheduler implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ResourceMonitorScheduler.class);

	private final ResourceMonitor monitor;

	private final Duration interval;

	private ScheduledExecutorService executor;

	/**
	 * Creates the scheduler.
	 * @param monitor the monitor to sample
	 * @param interval time between samples
	 */
	public ResourceMonitorScheduler(ResourceMonitor monitor, Duration interval) {
		this.monitor = monitor;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.monitor.sample();
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "hardening-resource-monitor");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this::sampleQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void sampleQuietly() {
		try {
			this.monitor.sample();
		}
		catch (RuntimeException ex) {
			// Logged, not thrown: an exception would cancel the schedule, and the next sample may succeed.
			logger.warn("Resource sample failed: " + ex, ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
