package io.github.hardening.test;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis the tests find really answers, and a closed port is not mistaken for one.
 */
class RedisTestSupportTests {

	@Test
	void foundRedisAnswersPing() {
		assertThat(RedisTestSupport.ping(RedisTestSupport.redisUrl(), 2000)).isTrue();
	}

	@Test
	void closedPortDoesNotAnswerPing() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		assertThat(RedisTestSupport.ping("redis://127.0.0.1:" + port, 500)).isFalse();
	}

}
