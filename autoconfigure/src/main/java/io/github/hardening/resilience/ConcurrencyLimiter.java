package io.github.hardening.resilience;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed limit on concurrent work with an optional small, bounded wait queue.
 */
public class ConcurrencyLimiter {

	private final int limit;

	private final int queueSize;

	private final long queueTimeoutNanos;

	private final Semaphore permits;

	private final AtomicInteger queued = new AtomicInteger();

	/**
	 * Creates a limiter.
	 * @param limit maximum concurrent holders
	 * @param queueSize callers that may wait for a permit
	 * @param queueTimeout longest wait of a queued caller
	 */
	public ConcurrencyLimiter(int limit, int queueSize, Duration queueTimeout) {
		this.limit = limit;
		this.queueSize = queueSize;
		this.queueTimeoutNanos = queueTimeout.toNanos();
		this.permits = new Semaphore(limit);
	}

	/**
	 * Takes a permit at once, or after a short wait when there is room in the queue.
	 * @return whether a permit was taken; if so, {@link #release()} must follow
	 */
	public boolean tryAcquire() {
		if (this.permits.tryAcquire()) {
			return true;
		}
		if (this.queueSize == 0 || this.queued.incrementAndGet() > this.queueSize) {
			if (this.queueSize > 0) {
				this.queued.decrementAndGet();
			}
			return false;
		}
		try {
			return this.permits.tryAcquire(this.queueTimeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.queued.decrementAndGet();
		}
	}

	/** Returns a permit. */
	public void release() {
		this.permits.release();
	}

	/**
	 * Returns the number of permits held.
	 * @return the in-flight count
	 */
	public int inFlight() {
		return this.limit - this.permits.availablePermits();
	}

	/**
	 * Returns the limit.
	 * @return the maximum concurrent holders
	 */
	public int limit() {
		return this.limit;
	}

}
