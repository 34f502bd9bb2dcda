package io.github.hardening.storage.cleanup;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A ShedLock {@link LockProvider} within this JVM only, for a single instance without Redis or a database.
 */
public class LocalLockProvider implements LockProvider {

	private final Clock clock;

	private final Map<String, Instant> heldUntil = new HashMap<>();

	/**
	 * Creates the provider.
	 * @param clock tells the time
	 */
	public LocalLockProvider(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized Optional<SimpleLock> lock(LockConfiguration configuration) {
		Instant now = this.clock.instant();
		Instant until = this.heldUntil.get(configuration.getName());
		if (until != null && until.isAfter(now)) {
			return Optional.empty();
		}
		this.heldUntil.put(configuration.getName(), configuration.getLockAtMostUntil());
		return Optional.of(() -> release(configuration));
	}

	private synchronized void release(LockConfiguration configuration) {
		Instant atLeast = configuration.getLockAtLeastUntil();
		if (atLeast.isAfter(this.clock.instant())) {
			this.heldUntil.put(configuration.getName(), atLeast);
		}
		else {
			this.heldUntil.remove(configuration.getName());
		}
	}

}
