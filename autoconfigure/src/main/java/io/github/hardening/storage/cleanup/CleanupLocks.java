package io.github.hardening.storage.cleanup;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Chooses the cluster lock: Redis when a Redis URL is known, else JDBC when a DataSource exists, else
 * in-process ({@code lock.type=auto}); or the configured kind, failing at startup when it cannot be had.
 */
final class CleanupLocks {

	private static final String TYPE = "hardening.storage.cleanup.lock.type";

	private CleanupLocks() {
	}

	static LockProvider provider(StorageCleanupProperties.Lock lock, Environment environment,
			ObjectProvider<DataSource> dataSources, Clock clock) {
		String redisUrl = redisUrl(lock, environment);
		boolean lettuce = ClassUtils.isPresent("io.lettuce.core.RedisClient", CleanupLocks.class.getClassLoader());
		boolean jdbc = ClassUtils.isPresent("net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider",
				CleanupLocks.class.getClassLoader());
		DataSource dataSource = dataSources.getIfUnique();
		StorageCleanupProperties.LockType type = lock.getType();
		if (type == StorageCleanupProperties.LockType.AUTO) {
			type = (redisUrl != null && lettuce) ? StorageCleanupProperties.LockType.REDIS
					: (dataSource != null && jdbc) ? StorageCleanupProperties.LockType.JDBC
							: StorageCleanupProperties.LockType.LOCAL;
		}
		switch (type) {
			case REDIS -> {
				if (redisUrl == null || !lettuce) {
					throw new InvalidConfigurationPropertyValueException(TYPE, "redis",
							"Set hardening.storage.cleanup.lock.redis-url (or spring.data.redis.url) and put "
									+ "io.lettuce:lettuce-core on the classpath, or choose another lock type.");
				}
				return new RedisLockProvider(redisUrl, "hardening:lock:", clock);
			}
			case JDBC -> {
				if (dataSource == null || !jdbc) {
					throw new InvalidConfigurationPropertyValueException(TYPE, "jdbc",
							"Needs a single DataSource bean and net.javacrumbs.shedlock:shedlock-provider-jdbc-template "
									+ "on the classpath, or choose another lock type.");
				}
				return JdbcLocks.provider(dataSource, lock.getTableName(), lock.isCreateTable());
			}
			default -> {
				return new LocalLockProvider(clock);
			}
		}
	}

	static String kind(LockProvider provider) {
		if (provider instanceof RedisLockProvider) {
			return "redis";
		}
		if (provider instanceof LocalLockProvider) {
			return "local";
		}
		return provider.getClass().getSimpleName().contains("Jdbc") ? "jdbc" : provider.getClass().getName();
	}

	private static String redisUrl(StorageCleanupProperties.Lock lock, Environment environment) {
		String url = lock.getRedisUrl();
		if (url == null || url.isBlank()) {
			url = environment.getProperty("spring.data.redis.url");
		}
		return (url != null && !url.isBlank()) ? url : null;
	}

}
