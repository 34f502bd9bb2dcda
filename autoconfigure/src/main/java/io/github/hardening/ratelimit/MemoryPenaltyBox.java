package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Bans in this instance's memory, bounded like the buckets. Rejections are counted in a fixed window that
 * starts at a key's first rejection.
 */
public class MemoryPenaltyBox implements PenaltyBox {

	private final int threshold;

	private final long durationNanos;

	private final Cache<String, AtomicInteger> rejections;

	private final Cache<String, Long> bans;

	/**
	 * Creates the penalty box.
	 * @param maxKeys most keys tracked
	 * @param threshold rejections within the window that ban a key
	 * @param window window of the rejection count
	 * @param duration how long a ban lasts
	 */
	public MemoryPenaltyBox(int maxKeys, int threshold, Duration window, Duration duration) {
		this.threshold = threshold;
		this.durationNanos = duration.toNanos();
		this.rejections = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(window).build();
		this.bans = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(duration).build();
	}

	@Override
	public long bannedNanos(String key) {
		Long until = this.bans.getIfPresent(key);
		return (until != null) ? Math.max(0, until - System.nanoTime()) : 0;
	}

	@Override
	public boolean recordRejection(String key) {
		int count = this.rejections.get(key, (k) -> new AtomicInteger()).incrementAndGet();
		if (count < this.threshold) {
			return false;
		}
		this.rejections.invalidate(key);
		return this.bans.asMap().putIfAbsent(key, System.nanoTime() + this.durationNanos) == null;
	}

	@Override
	public boolean lift(String key) {
		this.rejections.invalidate(key);
		return this.bans.asMap().remove(key) != null;
	}

	@Override
	public Map<String, Duration> activeBans(int limit) {
		Map<String, Duration> result = new TreeMap<>();
		long now = System.nanoTime();
		for (Map.Entry<String, Long> ban : this.bans.asMap().entrySet()) {
			if (result.size() >= limit) {
				break;
			}
			if (ban.getValue() - now > 0) {
				result.put(ban.getKey(), Duration.ofSeconds(RateLimitDecision.ceilSeconds(ban.getValue() - now)));
			}
		}
		return result;
	}

}
