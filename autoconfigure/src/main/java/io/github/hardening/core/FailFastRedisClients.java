package io.github.hardening.core;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

/**
 * Lettuce clients for the features' Redis stores, which must answer within a request's budget: commands sent
 * while disconnected fail at once instead of queueing until Redis comes back, connecting gives up after a
 * second, and every command times out after the store's command timeout. Needs Lettuce on the class path.
 */
public final class FailFastRedisClients {

	private FailFastRedisClients() {
	}

	/**
	 * Creates a client.
	 * @param commandTimeout how long one command may take
	 * @return a client without a default URI; the caller connects it to its own
	 */
	public static RedisClient create(Duration commandTimeout) {
		RedisClient client = RedisClient.create();
		client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
			.timeoutOptions(TimeoutOptions.enabled(commandTimeout))
			.build());
		return client;
	}

}
