package io.github.hardening.storage.cleanup;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A ShedLock {@link LockProvider} on Lettuce: {@code SET key token NX PX lock-at-most-for}; released by a
 * compare-and-delete script, so an instance never releases a lock that expired and was taken by another. The
 * expiry is counted by the Redis server, so the instances' clocks do not matter; only the lock-at-least-for
 * hold is computed locally. Written here because ShedLock's Lettuce provider did not resolve for the ShedLock
 * version used and its Spring Data Redis provider would bring Spring Data Redis.
 */
public class RedisLockProvider implements LockProvider, AutoCloseable {

	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "if tonumber(ARGV[2]) > 0 then return redis.call('pexpire', KEYS[1], ARGV[2]) end "
			+ "return redis.call('del', KEYS[1]) end return 0";

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final String keyPrefix;

	private final Clock clock;

	/**
	 * Connects to Redis.
	 * @param url the Redis URL
	 * @param keyPrefix prefix of the lock keys
	 * @param clock tells the time, for the lock-at-least-for hold
	 */
	public RedisLockProvider(String url, String keyPrefix, Clock clock) {
		this.client = RedisClient.create(url);
		this.client.setDefaultTimeout(Duration.ofSeconds(5));
		this.connection = this.client.connect();
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration configuration) {
		String key = this.keyPrefix + configuration.getName();
		String token = ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID();
		RedisCommands<String, String> redis = this.connection.sync();
		String reply = redis.set(key, token,
				SetArgs.Builder.nx().px(Math.max(1, configuration.getLockAtMostFor().toMillis())));
		if (!"OK".equals(reply)) {
			return Optional.empty();
		}
		return Optional.of(() -> {
			long holdMillis = Duration.between(this.clock.instant(), configuration.getLockAtLeastUntil()).toMillis();
			redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] { key }, token,
					Long.toString(Math.max(0, holdMillis)));
		});
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
