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
		this.idle = new AtomicReferenceArray<>(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
	}

	CanonicalRequest acquire() {
		int slots = this.idle.length();
		int start = start(slots);
		for (int k = 0; k < slots; k++) {
			int i = (start + k) % slots;
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
		int slots = this.idle.length();
		int start = start(slots);
		for (int k = 0; k < slots; k++) {
			int i = (start + k) % slots;
			if (this.idle.get(i) == null && this.idle.compareAndSet(i, null, request)) {
				return;
			}
		}
	}

	/** Spreads threads over the slots so that concurrent requests rarely contend for the same one. */
	private static int start(int slots) {
		return (int) ((Thread.currentThread().getId() & Integer.MAX_VALUE) % slots);
	}

}
