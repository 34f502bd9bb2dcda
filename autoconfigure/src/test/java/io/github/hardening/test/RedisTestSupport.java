package io.github.hardening.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a Redis server for tests, in this order: env {@code HARDENING_TEST_REDIS_URL}; a server answering
 * PING on {@code 127.0.0.1:6379}; a Testcontainers {@code redis:7-alpine} when a Docker engine is reachable.
 * Without any, the calling test is skipped with a message, unless env {@code HARDENING_REQUIRE_REDIS=true},
 * in which case it fails.
 */
public final class RedisTestSupport {

	private static final String LOCAL_URL = "redis://127.0.0.1:6379";

	private static String found;

	private static GenericContainer<?> container;

	private RedisTestSupport() {
	}

	/**
	 * Returns the URL of a reachable Redis, or skips (or fails, when Redis is required) the calling test.
	 * @return a {@code redis://host:port} URL
	 */
	public static synchronized String redisUrl() {
		if (found == null) {
			found = locate();
		}
		if (found == null) {
			String message = "No Redis for this test: set HARDENING_TEST_REDIS_URL, run redis-server on "
					+ "127.0.0.1:6379, or make a Docker engine reachable for Testcontainers.";
			if (Boolean.parseBoolean(System.getenv("HARDENING_REQUIRE_REDIS"))) {
				Assertions.fail(message + " (HARDENING_REQUIRE_REDIS=true)");
			}
			Assumptions.abort(message);
		}
		return found;
	}

	/**
	 * Sends PING and tells whether PONG came back within the timeout.
	 * @param url a {@code redis://host:port} URL
	 * @param timeoutMillis connect and read timeout
	 * @return whether the server answered
	 */
	public static boolean ping(String url, int timeoutMillis) {
		URI uri = URI.create(url);
		int port = (uri.getPort() > 0) ? uri.getPort() : 6379;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String locate() {
		String configured = System.getenv("HARDENING_TEST_REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (ping(LOCAL_URL, 500)) {
			return LOCAL_URL;
		}
		return startContainer();
	}

	private static String startContainer() {
		try {
			if (!DockerClientFactory.instance().isDockerAvailable()) {
				return null;
			}
			container = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
			container.start();
			return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
