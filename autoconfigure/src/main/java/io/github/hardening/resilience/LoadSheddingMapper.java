package io.github.hardening.resilience;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Validates {@code hardening.load-shedding.*} and builds the limiter and the excluded paths.
 */
final class LoadSheddingMapper {

	private static final String PREFIX = "hardening.load-shedding.";

	private LoadSheddingMapper() {
	}

	static ConcurrencyLimiter limiter(LoadSheddingProperties properties) {
		if (properties.getMaxConcurrentRequests() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "max-concurrent-requests",
					properties.getMaxConcurrentRequests(),
					"Use at least 1; to stop shedding set hardening.load-shedding.enabled=false.");
		}
		if (properties.getQueueSize() < 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "queue-size", properties.getQueueSize(),
					"Use 0 (shed at once) or a small positive number.");
		}
		if (properties.getQueueTimeout() == null || properties.getQueueTimeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "queue-timeout", properties.getQueueTimeout(),
					"Use a short positive duration such as 50ms.");
		}
		if (properties.getRetryAfter() == null || properties.getRetryAfter().getSeconds() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "retry-after", properties.getRetryAfter(),
					"Retry-After counts whole seconds; use at least 1s.");
		}
		return new ConcurrencyLimiter(properties.getMaxConcurrentRequests(), properties.getQueueSize(),
				properties.getQueueTimeout());
	}

	static List<PathPattern> excludedPaths(List<String> patterns) {
		List<PathPattern> result = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			try {
				result.add(PathPatternParser.defaultInstance.parse(patterns.get(i)));
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "excluded-paths[" + i + "]",
						patterns.get(i), "Not a valid path pattern: " + ex.getMessage());
			}
		}
		return result;
	}

}
