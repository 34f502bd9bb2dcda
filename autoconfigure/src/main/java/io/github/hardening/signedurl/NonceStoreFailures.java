package io.github.hardening.signedurl;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hardening.core.HardeningCounter;
import io.github.hardening.core.HardeningMetrics;
import io.github.hardening.core.StoreIncident;

/**
 * What single-use links get when their store fails ({@code failure-mode}), the once-per-incident log of such
 * failures and their count in {@code hardening.signed-url.store.failures{cause}}.
 */
public class NonceStoreFailures {

	/** Name of the meter. */
	public static final String FAILURES = "hardening.signed-url.store.failures";

	private static final Log logger = LogFactory.getLog(NonceStoreFailures.class);

	private final SignedUrlProperties.FailureMode mode;

	private final long retryAfterSeconds;

	private final Map<NonceStoreException.Failure, HardeningCounter> counters = new EnumMap<>(
			NonceStoreException.Failure.class);

	private final StoreIncident incident = new StoreIncident();

	/**
	 * Creates the policy and its counters.
	 * @param mode whether a link that cannot be recorded is refused or admitted
	 * @param retryAfterSeconds {@code Retry-After} of the 503 sent in closed mode
	 * @param metrics where the counters are registered
	 */
	public NonceStoreFailures(SignedUrlProperties.FailureMode mode, long retryAfterSeconds, HardeningMetrics metrics) {
		this.mode = mode;
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
		for (NonceStoreException.Failure failure : NonceStoreException.Failure.values()) {
			this.counters.put(failure, metrics.counter(FAILURES,
					"Single-use link checks the store could not record, by cause", "cause", failure.tag()));
		}
	}

	/** Counts a failure, logs the first one of an incident, and tells what the link gets. */
	SignedUrlOutcome failed(RuntimeException ex) {
		NonceStoreException.Failure failure = (ex instanceof NonceStoreException store) ? store.failure()
				: NonceStoreException.Failure.ERROR;
		this.counters.get(failure).increment();
		boolean closed = this.mode == SignedUrlProperties.FailureMode.CLOSED;
		if (this.incident.failed()) {
			logger.error("The single-use link store failed (" + ex.getMessage() + "); single-use links are "
					+ (closed ? "refused with 503" : "admitted without being recorded, so they can be replayed")
					+ " until it answers again (hardening.signed-url.failure-mode=" + mode() + ")",
					(ex instanceof NonceStoreException) ? ex.getCause() : ex);
		}
		return closed ? SignedUrlOutcome.STORE_ERROR : SignedUrlOutcome.UNRECORDED;
	}

	/** Ends an incident after the store answered, logging the recovery once. */
	void succeeded() {
		if (this.incident.succeeded()) {
			logger.info("The single-use link store answers again; single-use links are enforced again");
		}
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	String mode() {
		return this.mode.name().toLowerCase(Locale.ROOT);
	}

	boolean isFailing() {
		return this.incident.isOngoing();
	}

	Map<String, Object> snapshot() {
		Map<String, Object> result = new LinkedHashMap<>();
		this.counters.forEach((failure, counter) -> result.put("store-failures-" + failure.tag(), (long) counter.count()));
		return result;
	}

}
