package io.github.hardening.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * First step of a graceful shutdown: readiness turns to refusing traffic, then the application keeps serving
 * for the drain delay so load balancers notice and stop sending requests. Only then does the context go on
 * to stop the web server, which completes the requests in flight ({@code server.shutdown=graceful}).
 * <p>
 * {@link ContextClosedEvent} is published before any lifecycle bean (the web server among them) is stopped,
 * which is what makes this the right moment.
 */
public class ShutdownDrain implements ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

	private final Duration drainDelay;

	private final AtomicBoolean drained = new AtomicBoolean();

	private ApplicationContext context;

	/**
	 * Creates the drain.
	 * @param drainDelay how long to keep serving after readiness turned to refusing
	 */
	public ShutdownDrain(Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// A child context (e.g. the management server's) closing reaches this listener too: drain only once,
		// for the application's own context.
		if (event.getApplicationContext() != this.context || !this.drained.compareAndSet(false, true)) {
			return;
		}
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		if (this.drainDelay.isZero()) {
			return;
		}
		logger.info("Shutdown: readiness is now REFUSING_TRAFFIC; serving for " + this.drainDelay
				+ " (hardening.shutdown.drain-delay) before the web server stops");
		try {
			Thread.sleep(this.drainDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Tells whether the drain has started.
	 * @return whether the application context is closing and readiness was withdrawn
	 */
	public boolean isDraining() {
		return this.drained.get();
	}

}
