package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.Map;

/**
 * Temporary bans: a key rejected {@code threshold} times within a window is banned for a while. Bans live in the
 * same store as the buckets, so with Redis a ban holds on every instance.
 */
public interface PenaltyBox {

	/** A penalty box that never bans, used when bans are switched off. */
	PenaltyBox NONE = new PenaltyBox() {

		@Override
		public long bannedNanos(String key) {
			return 0;
		}

		@Override
		public boolean recordRejection(String key) {
			return false;
		}

		@Override
		public boolean lift(String key) {
			return false;
		}

		@Override
		public Map<String, Duration> activeBans(int limit) {
			return Map.of();
		}

	};

	/**
	 * Tells how long a key stays banned.
	 * @param key the key (client address, hashed API key, user, ...)
	 * @return nanoseconds left, or 0 when not banned
	 * @throws RateLimitStoreException when the store cannot answer
	 */
	long bannedNanos(String key);

	/**
	 * Counts a rejection of a key, banning it when the threshold is reached.
	 * @param key the key
	 * @return whether this rejection banned the key
	 * @throws RateLimitStoreException when the store cannot answer
	 */
	boolean recordRejection(String key);

	/**
	 * Lifts a ban, and forgets the key's rejections.
	 * @param key the key
	 * @return whether a ban was lifted
	 */
	boolean lift(String key);

	/**
	 * Lists active bans.
	 * @param limit most bans to list
	 * @return banned keys and the time each ban has left
	 */
	Map<String, Duration> activeBans(int limit);

}
