package io.github.hardening.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Limits retries to a share of first attempts over a sliding window, plus a small allowance per second, so a
 * failing downstream is not hammered by retry storms. The window is kept in one-second buckets.
 */
public class RetryBudget {

	private final double ratio;

	private final int minPerSecond;

	private final LongSupplier clock;

	private final long[] calls;

	private final long[] retries;

	private final long[] bucketSeconds;

	/**
	 * Creates a budget.
	 * @param ratio share of first attempts that retries may add, e.g. 0.2
	 * @param minPerSecond retries per second always allowed
	 * @param window window the counts are kept over (whole seconds)
	 * @param nanoClock source of {@link System#nanoTime()}-like readings
	 */
	public RetryBudget(double ratio, int minPerSecond, Duration window, LongSupplier nanoClock) {
		this.ratio = ratio;
		this.minPerSecond = minPerSecond;
		this.clock = nanoClock;
		int seconds = (int) Math.max(1, window.getSeconds());
		this.calls = new long[seconds];
		this.retries = new long[seconds];
		this.bucketSeconds = new long[seconds];
		java.util.Arrays.fill(this.bucketSeconds, Long.MIN_VALUE);
	}

	/** Records a first attempt, which earns retry budget. */
	public synchronized void recordCall() {
		this.calls[bucket()]++;
	}

	/**
	 * Withdraws one retry if the budget allows it.
	 * @return whether the retry may go ahead
	 */
	public synchronized boolean tryRetry() {
		int current = bucket();
		long callSum = 0;
		long retrySum = 0;
		for (int i = 0; i < this.calls.length; i++) {
			callSum += this.calls[i];
			retrySum += this.retries[i];
		}
		double allowed = callSum * this.ratio + (double) this.minPerSecond * this.calls.length;
		if (retrySum + 1 > allowed) {
			return false;
		}
		this.retries[current]++;
		return true;
	}

	private int bucket() {
		long second = Math.floorDiv(this.clock.getAsLong(), 1_000_000_000L);
		int index = (int) Math.floorMod(second, (long) this.calls.length);
		if (this.bucketSeconds[index] != second) {
			// The slot last held a second that has left the window: start it afresh. Slots of seconds skipped
			// while idle are cleared the same way when reached, and stale ones are cleared here too.
			this.bucketSeconds[index] = second;
			this.calls[index] = 0;
			this.retries[index] = 0;
		}
		for (int i = 0; i < this.calls.length; i++) {
			if (this.bucketSeconds[i] != Long.MIN_VALUE && second - this.bucketSeconds[i] >= this.calls.length) {
				this.bucketSeconds[i] = Long.MIN_VALUE;
				this.calls[i] = 0;
				this.retries[i] = 0;
			}
		}
		return index;
	}

}
