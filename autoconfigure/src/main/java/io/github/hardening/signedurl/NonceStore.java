package io.github.hardening.signedurl;

import java.time.Duration;

/**
 * Records the single-use links that were used: the first use wins, every later one is refused.
 */
public interface NonceStore {

	/**
	 * Records a use, atomically across every instance that shares the store.
	 * @param key the link's nonce (or signature)
	 * @param ttl how long to remember it: the link's remaining lifetime
	 * @return {@code true} when this was the first use, {@code false} when it had been used already
	 * @throws RuntimeException when the store cannot be reached; the link is then refused
	 */
	boolean markUsed(String key, Duration ttl);

}
