package io.github.hardening.ratelimit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hardening.core.StoreIncident;

/**
 * What the limiter does when its store fails, and the once-per-incident log of such failures.
 */
final class StoreFailurePolicy {

	private static final Log logger = LogFactory.getLog(StoreFailurePolicy.class);

	private final RateLimitProperties.FailureMode mode;

	private final long retryAfterSeconds;

	private final StoreIncident incident = new StoreIncident();

	StoreFailurePolicy(RateLimitProperties.FailureMode mode, long retryAfterSeconds) {
		this.mode = mode;
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	boolean failClosed() {
		return this.mode == RateLimitProperties.FailureMode.CLOSED;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	RateLimitProperties.FailureMode mode() {
		return this.mode;
	}

	boolean isFailing() {
		return this.incident.isOngoing();
	}

	/** Logs the first failure of an incident; later ones until a success are only counted. */
	void failed(RateLimitStoreException ex) {
		if (this.incident.failed()) {
			logger.warn("Rate-limit store failed (" + ex.getMessage() + "); failing "
					+ (failClosed() ? "closed: requests are refused with 503" : "open: requests pass unlimited")
					+ " until it answers again", ex.getCause());
		}
	}

	/** Ends an incident after a successful call, logging the recovery once. */
	void succeeded() {
		if (this.incident.succeeded()) {
			logger.info("Rate-limit store answers again; limiting resumed");
		}
	}

}
