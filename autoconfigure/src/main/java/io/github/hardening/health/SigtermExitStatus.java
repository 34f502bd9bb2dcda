package io.github.hardening.health;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes SIGTERM end the JVM with status 0 instead of 143 (128 + 15). The JVM's own SIGTERM handler exits
 * with 143 before the shutdown hooks run, so orchestrators and process supervisors report every ordinary
 * stop as a failure. This handler calls {@code System.exit(0)} instead: the same shutdown hooks run (Spring's
 * graceful shutdown among them), only the status differs. Installed once the application is ready, so that a
 * SIGTERM during startup still fails.
 */
class SigtermExitStatus implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(SigtermExitStatus.class);

	private static final AtomicBoolean installed = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!installed.compareAndSet(false, true)) {
			return;
		}
		try {
			sun.misc.Signal.handle(new sun.misc.Signal("TERM"), (signal) -> System.exit(0));
		}
		catch (IllegalArgumentException | UnsupportedOperationException | LinkageError ex) {
			// Not available on this platform or JVM: the JVM's own handler (status 143) stays in place.
			logger.debug("SIGTERM handler not installed: " + ex);
		}
	}

}
