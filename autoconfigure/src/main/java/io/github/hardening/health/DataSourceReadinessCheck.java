package io.github.hardening.health;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * Ready when the application's {@link DataSource} hands out a connection that the driver reports valid.
 */
public class DataSourceReadinessCheck implements ReadinessCheck {

	private final DataSource dataSource;

	private final int validationSeconds;

	/**
	 * Creates the check.
	 * @param dataSource the application's data source
	 * @param validationSeconds how long the driver may take to validate the connection, at least 1
	 */
	public DataSourceReadinessCheck(DataSource dataSource, int validationSeconds) {
		this.dataSource = dataSource;
		this.validationSeconds = Math.max(1, validationSeconds);
	}

	@Override
	public ReadinessResult check() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.isValid(this.validationSeconds)) {
				return ReadinessResult.notReady("The database connection is not valid");
			}
			return ReadinessResult.ready(Map.of("database", connection.getMetaData().getDatabaseProductName()));
		}
	}

	@Override
	public String name() {
		return "database";
	}

}
