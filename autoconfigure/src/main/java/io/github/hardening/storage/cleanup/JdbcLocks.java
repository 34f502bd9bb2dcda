package io.github.hardening.storage.cleanup;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock's JDBC provider on the application's DataSource, using the database's clock (so instances' clocks
 * do not matter), with its table created when asked.
 */
final class JdbcLocks {

	private JdbcLocks() {
	}

	static LockProvider provider(DataSource dataSource, String table, boolean createTable) {
		if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw new org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException(
					"hardening.storage.cleanup.lock.table-name", table, "Give a plain table name, e.g. shedlock.");
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (createTable) {
			jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (name VARCHAR(64) NOT NULL, "
					+ "lock_until TIMESTAMP NOT NULL, locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL, "
					+ "PRIMARY KEY (name))");
		}
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName(table)
			.usingDbTime()
			.build());
	}

}
