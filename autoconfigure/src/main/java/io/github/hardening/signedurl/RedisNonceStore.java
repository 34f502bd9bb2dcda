package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

import io.github.hardening.core.StoreBreaker;

/**
 * Records used links in Redis with {@code SET key token NX PX ttl}, so exactly one use wins across every
 * instance and the record expires with the link. Every call is bounded by the command timeout, connecting
 * included; repeated failures open a {@link StoreBreaker}, so a dead Redis costs one timeout per interval, and
 * the breaker's trial call replaces a broken connection, so the store recovers without a restart.
 */
public class RedisNonceStore implements NonceStore, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisNonceStore.class);

	/** Removes a record only if it is still the one this call wrote. */
	private static final String UNDO = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private final NonceRedisConnection connection;

	private final String keyPrefix;

	private final long timeoutNanos;

	private final StoreBreaker breaker;

	private volatile String lastError = "none";

	/**
	 * Creates a store whose breaker opens after 3 consecutive failures for 5 seconds.
	 * @param url Redis URL
	 * @param keyPrefix prefix of the keys
	 * @param timeout longest wait for one call
	 */
	public RedisNonceStore(String url, String keyPrefix, Duration timeout) {
		this(url, keyPrefix, timeout, new StoreBreaker(3, Duration.ofSeconds(5).toNanos(), System::nanoTime));
	}

	/**
	 * Creates a store.
	 * @param url Redis URL
	 * @param keyPrefix prefix of the keys
	 * @param timeout longest wait for one call, connecting included
	 * @param breaker bypasses Redis after repeated failures
	 */
	public RedisNonceStore(String url, String keyPrefix, Duration timeout, StoreBreaker breaker) {
		this.connection = new NonceRedisConnection(url, timeout);
		this.keyPrefix = keyPrefix;
		this.timeoutNanos = timeout.toNanos();
		this.breaker = breaker;
	}

	/**
	 * Records a use; when this throws, the use is not recorded (a late write is undone), so a refused client
	 * can retry the same link.
	 */
	@Override
	public boolean markUsed(String key, Duration ttl) {
		if (!this.breaker.allowCall()) {
			throw new NonceStoreException(NonceStoreException.Failure.BYPASSED,
					"Redis bypassed after repeated failures; last error: " + this.lastError, null);
		}
		long start = System.nanoTime();
		String redisKey = this.keyPrefix + key;
		String token = Long.toHexString(ThreadLocalRandom.current().nextLong());
		StatefulRedisConnection<String, String> current = null;
		RedisFuture<String> reply = null;
		try {
			current = this.connection.get(this.timeoutNanos);
			reply = current.async().set(redisKey, token, SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis())));
			String answer = reply.get(Math.max(0, this.timeoutNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
			this.breaker.success();
			return "OK".equals(answer);
		}
		catch (TimeoutException ex) {
			reply.cancel(false);
			undo(current, redisKey, token);
			throw failed(NonceStoreException.Failure.TIMEOUT,
					"no answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			throw failed(NonceStoreException.Failure.of(ex.getCause()), String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failed(NonceStoreException.Failure.ERROR, "interrupted", ex);
		}
		catch (NonceStoreException ex) {
			throw failed(ex.failure(), ex.getMessage(), ex.getCause());
		}
		catch (RuntimeException ex) {
			throw failed(NonceStoreException.Failure.ERROR, ex.toString(), ex);
		}
	}

	/**
	 * Sends, without waiting, a delete of the record should the timed-out write still land; commands on one
	 * connection run in order, so the delete comes after the write.
	 */
	private static void undo(StatefulRedisConnection<String, String> connection, String key, String token) {
		try {
			connection.async().eval(UNDO, ScriptOutputType.INTEGER, new String[] { key }, token);
		}
		catch (RuntimeException ex) {
			// Rejected while disconnected: then the write cannot land either.
		}
	}

	private NonceStoreException failed(NonceStoreException.Failure failure, String reason, Throwable cause) {
		this.lastError = reason;
		this.breaker.failure();
		return new NonceStoreException(failure, "Redis single-use store failed: " + reason, cause);
	}

	/**
	 * Connects at startup, allowing the first connection (and the Netty warm-up it brings) more time than a
	 * request gets. A Redis that is down does not stop the start: links follow the failure mode until it answers.
	 * @param wait how long to wait
	 */
	public void connectAtStartup(Duration wait) {
		try {
			// A first command too, so that the first request does not pay for the code it loads.
			if (!ping(wait)) {
				logger.warn("Single-use link Redis did not answer PING at startup");
			}
		}
		catch (Exception ex) {
			logger.warn("Single-use link Redis not reachable at startup (" + ex.getMessage()
					+ "); single-use links follow hardening.signed-url.failure-mode until it answers");
		}
	}

	/**
	 * Sends PING, connecting first when needed, for a readiness check.
	 * @param timeout longest wait
	 * @return whether Redis answered PONG in time
	 * @throws Exception when Redis cannot be reached
	 */
	public boolean ping(Duration timeout) throws Exception {
		RedisFuture<String> pong = this.connection.get(timeout.toNanos()).async().ping();
		return "PONG".equals(pong.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
	}

	/**
	 * Returns the breaker in front of Redis.
	 * @return the breaker
	 */
	public StoreBreaker breaker() {
		return this.breaker;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("type", "redis");
		description.put("url", this.connection.describeUrl());
		description.put("key-prefix", this.keyPrefix);
		description.put("connected", this.connection.isConnected());
		description.put("command-timeout", Duration.ofNanos(this.timeoutNanos).toString());
		description.put("breaker", this.breaker.isOpen() ? "open" : "closed");
		description.put("consecutive-failures", this.breaker.consecutiveFailures());
		description.put("last-error", this.lastError);
		return description;
	}

	@Override
	public void destroy() {
		this.connection.close();
	}

}
