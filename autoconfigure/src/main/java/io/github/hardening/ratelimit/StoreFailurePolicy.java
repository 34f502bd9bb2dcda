package io.github.hardening.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What the limiter does when its store fails, and the once-per-incident log of such failures.
 */
final class StoreFailurePolicy {

	private static final Log logger = LogFactory.getLog(StoreFailurePolicy.class);

	private final RateLimitProperties.FailureMode mode;

	private final long retryAfterSeconds;

	private final AtomicBoolean failing = new AtomicBoolean();

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
		return this.failing.get();
	}

	/** Logs the first failure of an incident; later ones until a success are only counted. */
	void failed(RateLimitStoreException ex) {
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Rate-limit store failed (" + ex.getMessage() + "); failing "
					+ (failClosed() ? "closed: requests are refused with 503" : "open: requests pass unlimited")
					+ " until it answers again", ex.getCause());
		}
	}

	/** Ends an incident after a successful call, logging the recovery once. */
	void succeeded() {
		if (this.failing.get() && this.failing.compareAndSet(true, false)) {
			logger.info("Rate-limit store answers again; limiting resumed");
		}
	}

}
