package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import io.github.hardening.core.FailFastRedisClients;

/**
 * The Lettuce connection of the Redis single-use store, obtained within the caller's time budget. Concurrent
 * callers share one connection attempt; an attempt that outlives them still completes and serves the next
 * caller; a broken connection is replaced rather than left to Lettuce's growing reconnect delay.
 */
final class NonceRedisConnection {

	/** Bounds the connection handshake, which may outlive a request's wait: the next request then uses it. */
	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

	private final RedisURI uri;

	private final RedisClient client;

	/** The last connection attempt; once it succeeded, its connection is the one used. */
	private volatile CompletableFuture<StatefulRedisConnection<String, String>> attempt;

	NonceRedisConnection(String url, Duration commandTimeout) {
		this.uri = RedisURI.create(url);
		this.uri.setTimeout(HANDSHAKE_TIMEOUT);
		this.client = FailFastRedisClients.create(commandTimeout);
	}

	/** Returns an open connection, connecting first when there is none or it broke, within the budget. */
	StatefulRedisConnection<String, String> get(long timeoutNanos) {
		StatefulRedisConnection<String, String> current = current();
		if (current != null && current.isOpen()) {
			return current;
		}
		try {
			return connectAttempt().get(Math.max(1, timeoutNanos), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new NonceStoreException(NonceStoreException.Failure.TIMEOUT, "Redis connect timed out", ex);
		}
		catch (ExecutionException ex) {
			throw new NonceStoreException(NonceStoreException.Failure.of(ex.getCause()),
					"Redis connect failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NonceStoreException(NonceStoreException.Failure.ERROR, "interrupted while connecting", ex);
		}
	}

	private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connectAttempt() {
		CompletableFuture<StatefulRedisConnection<String, String>> last = this.attempt;
		if (last != null && !last.isDone()) {
			return last;
		}
		StatefulRedisConnection<String, String> current = current();
		if (current != null) {
			if (current.isOpen()) {
				return last;
			}
			// Lettuce may still be retrying with a growing delay; a fresh connection recovers sooner.
			current.closeAsync();
		}
		this.attempt = this.client.connectAsync(StringCodec.UTF8, this.uri).toCompletableFuture();
		return this.attempt;
	}

	/** Returns the connection of the last attempt if it succeeded, else {@code null}. */
	private StatefulRedisConnection<String, String> current() {
		CompletableFuture<StatefulRedisConnection<String, String>> last = this.attempt;
		return (last != null && last.isDone() && !last.isCompletedExceptionally()) ? last.join() : null;
	}

	boolean isConnected() {
		StatefulRedisConnection<String, String> current = current();
		return current != null && current.isOpen();
	}

	/** Returns the URL without credentials. */
	String describeUrl() {
		return "redis://" + this.uri.getHost() + ":" + this.uri.getPort() + "/" + this.uri.getDatabase();
	}

	void close() {
		StatefulRedisConnection<String, String> current = current();
		if (current != null) {
			current.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
