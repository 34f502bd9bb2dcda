package io.github.hardening.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Bans in Redis, so that a ban holds on every instance. One atomic script counts a rejection and bans at the
 * threshold; the ban check is one PTTL. Keys share the store's prefix, carry the key as hash tag and expire.
 */
class RedisPenaltyBox implements PenaltyBox {

	// KEYS[1] rejection counter, KEYS[2] ban; ARGV: threshold, window ms, ban ms. Returns 1 when this call banned.
	private static final String RECORD = "local n = redis.call('INCR', KEYS[1]) "
			+ "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
			+ "if n >= tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) "
			+ "if redis.call('SET', KEYS[2], '1', 'PX', ARGV[3], 'NX') then return 1 end end return 0";

	private final RedisConnector connector;

	private final String prefix;

	private final int threshold;

	private final Duration window;

	private final Duration duration;

	RedisPenaltyBox(RedisConnector connector, String prefix, int threshold, Duration window, Duration duration) {
		this.connector = connector;
		this.prefix = prefix;
		this.threshold = threshold;
		this.window = window;
		this.duration = duration;
	}

	@Override
	public long bannedNanos(String key) {
		Long ttl = await(commands().pttl(banKey(key)));
		return (ttl != null && ttl > 0) ? TimeUnit.MILLISECONDS.toNanos(ttl) : 0;
	}

	@Override
	public boolean recordRejection(String key) {
		String[] keys = { this.prefix + "{ban-count:" + key + "}", banKey(key) };
		Long banned = await(commands().<Long>eval(RECORD, ScriptOutputType.INTEGER, keys, bytes(this.threshold),
				bytes(this.window.toMillis()), bytes(this.duration.toMillis())));
		return banned != null && banned == 1L;
	}

	@Override
	public boolean lift(String key) {
		Long removed = await(commands().del(banKey(key), this.prefix + "{ban-count:" + key + "}"));
		return removed != null && removed > 0;
	}

	@Override
	public Map<String, Duration> activeBans(int limit) {
		Map<String, Duration> result = new TreeMap<>();
		String start = this.prefix + "{ban:";
		KeyScanCursor<String> cursor = await(commands().scan(ScanArgs.Builder.matches(escape(start) + "*").limit(500)));
		int rounds = 0;
		while (cursor != null && result.size() < limit && rounds++ < 100) {
			for (String redisKey : cursor.getKeys()) {
				Long ttl = await(commands().pttl(redisKey));
				if (ttl != null && ttl > 0 && result.size() < limit) {
					result.put(redisKey.substring(start.length(), redisKey.length() - 1), Duration.ofMillis(ttl));
				}
			}
			cursor = cursor.isFinished() ? null : await(commands().scan(cursor));
		}
		return result;
	}

	private static byte[] bytes(long value) {
		return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
	}

	private String banKey(String key) {
		return this.prefix + "{ban:" + key + "}";
	}

	private RedisAsyncCommands<String, byte[]> commands() {
		return this.connector.commands(this.connector.timeoutNanos());
	}

	private <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(this.connector.timeoutNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(false);
			throw new RateLimitStoreException("Redis penalty box: no answer in time", ex);
		}
		catch (ExecutionException ex) {
			throw new RateLimitStoreException("Redis penalty box failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RateLimitStoreException("interrupted", ex);
		}
	}

	private <T> T await(io.lettuce.core.RedisFuture<T> future) {
		return await(future.toCompletableFuture());
	}

	private static String escape(String pattern) {
		return pattern.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
	}

}
