package io.github.hardening.signedurl;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.beans.factory.DisposableBean;

/**
 * Records used links in Redis with {@code SET key NX PX ttl}, so exactly one use wins across every instance
 * and the record expires with the link. Connects on first use, so the application starts while Redis is down.
 */
public class RedisNonceStore implements NonceStore, DisposableBean {

	private final RedisClient client;

	private final String keyPrefix;

	private final Duration timeout;

	private volatile StatefulRedisConnection<String, String> connection;

	/**
	 * Creates a store.
	 * @param url Redis URL
	 * @param keyPrefix prefix of the keys
	 * @param timeout longest wait for one command
	 */
	public RedisNonceStore(String url, String keyPrefix, Duration timeout) {
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(uri);
		this.keyPrefix = keyPrefix;
		this.timeout = timeout;
	}

	@Override
	public boolean markUsed(String key, Duration ttl) {
		String reply = connection().sync().set(this.keyPrefix + key, "1",
				SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis())));
		return "OK".equals(reply);
	}

	private StatefulRedisConnection<String, String> connection() {
		StatefulRedisConnection<String, String> current = this.connection;
		if (current == null) {
			synchronized (this) {
				current = this.connection;
				if (current == null) {
					current = this.client.connect();
					current.setTimeout(this.timeout);
					this.connection = current;
				}
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, String> current = this.connection;
		if (current != null) {
			current.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
