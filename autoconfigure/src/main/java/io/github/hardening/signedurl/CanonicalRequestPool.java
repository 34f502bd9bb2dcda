package io.github.hardening.signedurl;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Idle {@link CanonicalRequest} workspaces, at most a few per core, in slots taken and returned with one
 * compare-and-set each: no allocation per request, unlike a linked queue, and no thread-locals, which would
 * build a fresh workspace (and clone a {@code Mac}) for every virtual thread.
 */
final class CanonicalRequestPool {

	private final AtomicReferenceArray<CanonicalRequest> idle;

	private final int keyCount;

	CanonicalRequestPool(int keyCount) {
		this.keyCount = keyCount;
		// A power of two, so that a mask instead of a division picks the slot.
		this.idle = new AtomicReferenceArray<>(
				Integer.highestOneBit(Math.max(4, Runtime.getRuntime().availableProcessors() * 4) * 2 - 1));
	}

	CanonicalRequest acquire() {
		int mask = this.idle.length() - 1;
		int start = start();
		for (int k = 0; k <= mask; k++) {
			int i = (start + k) & mask;
			CanonicalRequest request = this.idle.get(i);
			if (request != null && this.idle.compareAndSet(i, request, null)) {
				return request;
			}
		}
		return new CanonicalRequest(this.keyCount);
	}

	void release(CanonicalRequest request) {
		if (request.isOversized()) {
			return;
		}
		int mask = this.idle.length() - 1;
		int start = start();
		for (int k = 0; k <= mask; k++) {
			int i = (start + k) & mask;
			if (this.idle.get(i) == null && this.idle.compareAndSet(i, null, request)) {
				return;
			}
		}
	}

	/** Spreads threads over the slots so that concurrent requests rarely contend for the same one. */
	private static int start() {
		return (int) Thread.currentThread().getId();
	}

}
