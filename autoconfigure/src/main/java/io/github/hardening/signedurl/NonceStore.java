package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.Map;

/**
 * Records the single-use links that were used: the first use wins, every later one is refused.
 */
public interface NonceStore {

	/**
	 * Records a use, atomically across every instance that shares the store.
	 * @param key the link's nonce (or signature)
	 * @param ttl how long to remember it: the link's remaining lifetime
	 * @return {@code true} when this was the first use, {@code false} when it had been used already
	 * @throws RuntimeException when the store cannot record the use, preferably a {@link NonceStoreException};
	 * the link then follows {@code hardening.signed-url.failure-mode}
	 */
	boolean markUsed(String key, Duration ttl);

	/**
	 * Describes the store for {@code /actuator/hardening}, without secrets.
	 * @return its type and state
	 */
	default Map<String, Object> describe() {
		return Map.of("type", getClass().getSimpleName());
	}

}
