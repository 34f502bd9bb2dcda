package io.github.hardening.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Finds a PostgreSQL database for tests, in this order: env {@code HARDENING_TEST_JDBC_URL} (user and
 * password may be in the URL); a server on {@code 127.0.0.1:5432} with database {@code test} accepting user
 * {@code postgres} or {@code root}; a Testcontainers {@code postgres:16-alpine} when a Docker engine is
 * reachable. Without one, the calling test is skipped with a message, unless env
 * {@code HARDENING_REQUIRE_JDBC=true}, in which case it fails.
 */
public final class JdbcTestSupport {

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static String found;

	private static GenericContainer<?> container;

	private JdbcTestSupport() {
	}

	/**
	 * Returns the JDBC URL (with the user) of a reachable database, or skips (or fails, when a database is
	 * required) the calling test.
	 * @return a {@code jdbc:postgresql:} URL
	 */
	public static synchronized String jdbcUrl() {
		if (found == null) {
			found = locate();
		}
		if (found == null) {
			String message = "No PostgreSQL for this test: set HARDENING_TEST_JDBC_URL, run PostgreSQL on "
					+ "127.0.0.1:5432 with a database 'test', or make a Docker engine reachable for Testcontainers.";
			if (Boolean.parseBoolean(System.getenv("HARDENING_REQUIRE_JDBC"))) {
				Assertions.fail(message + " (HARDENING_REQUIRE_JDBC=true)");
			}
			Assumptions.abort(message);
		}
		return found;
	}

	private static String locate() {
		String configured = System.getenv("HARDENING_TEST_JDBC_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		for (String user : new String[] { "postgres", "root" }) {
			String url = LOCAL_URL + "?user=" + user + "&connectTimeout=2";
			if (answers(url)) {
				return url;
			}
		}
		return startContainer();
	}

	private static String startContainer() {
		try {
			if (!DockerClientFactory.instance().isDockerAvailable()) {
				return null;
			}
			container = new GenericContainer<>(DockerImageName.parse("postgres:16-alpine"))
				.withEnv("POSTGRES_DB", "test")
				.withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
				.withExposedPorts(5432)
				.waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
			container.start();
			return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432)
					+ "/test?user=postgres";
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean answers(String url) {
		try (Connection connection = DriverManager.getConnection(url, new Properties())) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
