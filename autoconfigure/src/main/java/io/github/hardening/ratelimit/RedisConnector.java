package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

import io.github.hardening.core.FailFastRedisClients;

/**
 * The Lettuce client of the Redis store. Connects lazily, within the caller's time budget, so that an
 * application starts (and fails open or closed as configured) while Redis is down; once connected, Lettuce
 * reconnects by itself and commands issued while disconnected fail at once instead of queueing.
 */
class RedisConnector implements DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisConnector.class);

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	/** Keys live until their bucket would be full again, plus this slack: no key lives forever. */
	private static final Duration TTL_SLACK = Duration.ofSeconds(10);

	private final RedisURI uri;

	private final RedisClient client;

	private final String keyPrefix;

	private final long timeoutNanos;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile StatefulRedisConnection<String, byte[]> connection;

	private volatile AsyncProxyManager<String> manager;

	RedisConnector(String url, String keyPrefix, Duration commandTimeout) {
		this.uri = RedisURI.create(url);
		this.uri.setTimeout(commandTimeout);
		this.keyPrefix = keyPrefix;
		this.timeoutNanos = commandTimeout.toNanos();
		this.client = FailFastRedisClients.create(commandTimeout);
	}

	/**
	 * Returns the proxy manager, connecting first when needed; only one caller connects at a time, the others
	 * fail at once rather than wait.
	 */
	AsyncProxyManager<String> proxyManager(long timeoutNanos) {
		AsyncProxyManager<String> current = this.manager;
		if (current != null) {
			return current;
		}
		if (!this.connecting.compareAndSet(false, true)) {
			throw new RateLimitStoreException("Redis connection in progress", null);
		}
		ConnectionFuture<StatefulRedisConnection<String, byte[]>> future = this.client.connectAsync(CODEC, this.uri);
		try {
			StatefulRedisConnection<String, byte[]> connected = future.get(Math.max(1, timeoutNanos),
					TimeUnit.NANOSECONDS);
			this.connection = connected;
			this.manager = Bucket4jLettuce.casBasedBuilder(connected)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(TTL_SLACK))
				.build()
				.asAsync();
			return this.manager;
		}
		catch (TimeoutException ex) {
			// Close the connection should it still come up, rather than leak it.
			future.thenAccept(StatefulRedisConnection::closeAsync);
			throw new RateLimitStoreException("Redis connect timed out", ex);
		}
		catch (ExecutionException ex) {
			throw new RateLimitStoreException("Redis connect failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RateLimitStoreException("interrupted while connecting to Redis", ex);
		}
		finally {
			this.connecting.set(false);
		}
	}

	/**
	 * Connects at startup, allowing the first connection (and the Netty warm-up it brings) more time than a
	 * request would get. A Redis that is down now does not stop the start: requests fail open or closed as
	 * configured until it answers.
	 * @param wait how long to wait
	 */
	void connectAtStartup(Duration wait) {
		try {
			proxyManager(wait.toNanos());
		}
		catch (RateLimitStoreException ex) {
			logger.warn("Rate-limit Redis not reachable at startup (" + ex.getMessage()
					+ "); requests follow the failure mode until it answers");
		}
	}

	/** Returns the async commands, connecting first when needed, within the given time. */
	RedisAsyncCommands<String, byte[]> commands(long timeoutNanos) {
		proxyManager(timeoutNanos);
		return this.connection.async();
	}

	long timeoutNanos() {
		return this.timeoutNanos;
	}

	String keyPrefix() {
		return this.keyPrefix;
	}

	/** Returns the Redis key of a bucket: the prefix, then the bucket key as a Redis Cluster hash tag. */
	String redisKey(String bucketKey) {
		return redisKey("", bucketKey);
	}

	/** Returns the Redis key of a bucket whose state has its own format, marked after the prefix. */
	String redisKey(String format, String bucketKey) {
		return this.keyPrefix + format + "{" + bucketKey + "}";
	}

	/** Sends PING within the timeout, for the readiness check. */
	boolean ping(Duration timeout) throws Exception {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current == null) {
			proxyManager(timeout.toNanos());
			current = this.connection;
		}
		return "PONG".equals(current.async().ping().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
	}

	Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("url", "redis://" + this.uri.getHost() + ":" + this.uri.getPort() + "/" + this.uri.getDatabase());
		description.put("key-prefix", this.keyPrefix);
		StatefulRedisConnection<String, byte[]> current = this.connection;
		description.put("connected", current != null && current.isOpen());
		return description;
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
