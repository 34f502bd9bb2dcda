package io.github.hardening.core;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Finds the Redis a feature uses: its own {@code hardening.<feature>.redis.url}, else the application's
 * {@code spring.data.redis.*} settings (with Spring Boot's defaults), without needing Spring Data Redis.
 */
public final class RedisUrls {

	private RedisUrls() {
	}

	/**
	 * Resolves the URL.
	 * @param configured the feature's own URL setting, may be empty
	 * @param environment where {@code spring.data.redis.*} are read
	 * @return a Redis URL, never {@code null}
	 */
	public static String resolve(String configured, Environment environment) {
		if (StringUtils.hasText(configured)) {
			return configured.trim();
		}
		String url = environment.getProperty("spring.data.redis.url");
		if (StringUtils.hasText(url)) {
			return url.trim();
		}
		boolean ssl = environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
		String username = environment.getProperty("spring.data.redis.username");
		String password = environment.getProperty("spring.data.redis.password");
		StringBuilder result = new StringBuilder(ssl ? "rediss://" : "redis://");
		if (StringUtils.hasText(password)) {
			result.append(StringUtils.hasText(username) ? username : "").append(':').append(password).append('@');
		}
		result.append(environment.getProperty("spring.data.redis.host", "localhost"))
			.append(':')
			.append(environment.getProperty("spring.data.redis.port", "6379"))
			.append('/')
			.append(environment.getProperty("spring.data.redis.database", "0"));
		return result.toString();
	}

}
