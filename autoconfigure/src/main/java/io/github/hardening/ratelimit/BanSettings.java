package io.github.hardening.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Validates the penalty box settings, naming the property of an invalid value.
 */
final class BanSettings {

	private BanSettings() {
	}

	static RateLimitProperties.Ban validated(RateLimitProperties.Ban ban) {
		if (!ban.isEnabled()) {
			return ban;
		}
		if (ban.getThreshold() < 1) {
			throw new InvalidConfigurationPropertyValueException("hardening.rate-limit.ban.threshold",
					ban.getThreshold(), "Give the rejections that ban a key, e.g. 10.");
		}
		check("window", ban.getWindow());
		check("duration", ban.getDuration());
		return ban;
	}

	private static void check(String name, Duration value) {
		if (value == null || value.toMillis() < 1000) {
			throw new InvalidConfigurationPropertyValueException("hardening.rate-limit.ban." + name, value,
					"Give at least one second, e.g. 1m.");
		}
	}

}
