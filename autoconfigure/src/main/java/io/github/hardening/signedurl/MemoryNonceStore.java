package io.github.hardening.signedurl;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records used links in this instance's memory, each until its link expires. Good for one instance only.
 */
public class MemoryNonceStore implements NonceStore {

	/** Expired entries are purged once every this many uses, so memory stays bounded by live links. */
	private static final int PURGE_EVERY = 1024;

	private final Map<String, Long> usedUntil = new ConcurrentHashMap<>();

	private final AtomicInteger uses = new AtomicInteger();

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param clock the clock entries expire by
	 */
	public MemoryNonceStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean markUsed(String key, Duration ttl) {
		long now = this.clock.millis();
		if (this.uses.incrementAndGet() % PURGE_EVERY == 0) {
			this.usedUntil.values().removeIf((until) -> until <= now);
		}
		Long until = now + ttl.toMillis();
		Long previous = this.usedUntil.putIfAbsent(key, until);
		// An expired entry is replaced atomically, so that two racing uses cannot both win.
		return previous == null || (previous <= now && this.usedUntil.replace(key, previous, until));
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("type", "memory");
		description.put("entries", size());
		return description;
	}

	/**
	 * Returns how many uses are remembered.
	 * @return the count, expired entries included until purged
	 */
	public int size() {
		return this.usedUntil.size();
	}

}
