package io.github.hardening.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker in front of a remote store: after {@code threshold} consecutive failures the store is
 * bypassed for an interval, so a dead Redis costs one timeout per interval instead of one per request. After the
 * interval a single trial call goes through; its success closes the breaker, its failure opens it again. Shared by
 * the Redis stores of rate limiting and single-use links.
 */
public final class StoreBreaker {

	private final int threshold;

	private final long openNanos;

	private final LongSupplier clock;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final AtomicBoolean trial = new AtomicBoolean();

	private volatile boolean open;

	private volatile long openUntil;

	/**
	 * Creates a closed breaker.
	 * @param threshold consecutive failures that open it
	 * @param openNanos how long it stays open before a trial call
	 * @param clock nanosecond clock, {@code System::nanoTime} outside tests
	 */
	public StoreBreaker(int threshold, long openNanos, LongSupplier clock) {
		this.threshold = threshold;
		this.openNanos = openNanos;
		this.clock = clock;
	}

	/**
	 * Tells whether a call may go to the store now; while open, only one trial after the interval.
	 * @return whether to call the store; when {@code true}, report the call's {@link #success()} or {@link #failure()}
	 */
	public boolean allowCall() {
		if (!this.open) {
			return true;
		}
		return this.clock.getAsLong() - this.openUntil >= 0 && this.trial.compareAndSet(false, true);
	}

	/** Records a successful call: closes the breaker and resets the failure count. */
	public void success() {
		this.consecutiveFailures.set(0);
		if (this.open) {
			this.open = false;
		}
		this.trial.set(false);
	}

	/** Records a failed call: opens the breaker at the threshold, and again after a failed trial. */
	public void failure() {
		int failures = this.consecutiveFailures.incrementAndGet();
		if (this.open || failures >= this.threshold) {
			this.openUntil = this.clock.getAsLong() + this.openNanos;
			this.open = true;
		}
		this.trial.set(false);
	}

	/**
	 * Tells whether calls are being bypassed.
	 * @return whether the breaker is open
	 */
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * Returns the failures since the last success.
	 * @return the count
	 */
	public int consecutiveFailures() {
		return this.consecutiveFailures.get();
	}

}
