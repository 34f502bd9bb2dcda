package io.github.hardening.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a PostgreSQL database for tests, in this order: env {@code HARDENING_TEST_JDBC_URL} (user and
 * password may be in the URL); a server on {@code 127.0.0.1:5432} with database {@code test} accepting user
 * {@code postgres} or {@code root}. Without one, the calling test is skipped with a message, unless env
 * {@code HARDENING_REQUIRE_JDBC=true}, in which case it fails.
 */
public final class JdbcTestSupport {

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static String found;

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
			String message = "No PostgreSQL for this test: set HARDENING_TEST_JDBC_URL or run PostgreSQL on "
					+ "127.0.0.1:5432 with a database 'test'.";
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
		return null;
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
