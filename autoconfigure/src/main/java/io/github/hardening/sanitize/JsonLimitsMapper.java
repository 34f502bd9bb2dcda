package io.github.hardening.sanitize;

import com.fasterxml.jackson.core.StreamReadConstraints;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds Jackson {@link StreamReadConstraints} from {@code hardening.limits.json.*} and the body size limit
 * from {@code hardening.limits.max-body-size}, naming the property of any value that is not positive.
 */
final class JsonLimitsMapper {

	private static final String PREFIX = "hardening.limits.json.";

	private JsonLimitsMapper() {
	}

	static StreamReadConstraints constraints(LimitsProperties.Json json) {
		StreamReadConstraints.Builder builder = StreamReadConstraints.builder()
			.maxNestingDepth(positive("max-nesting-depth", json.getMaxNestingDepth()))
			.maxStringLength(positive("max-string-length", json.getMaxStringLength()))
			.maxNumberLength(positive("max-number-length", json.getMaxNumberLength()))
			.maxNameLength(positive("max-name-length", json.getMaxNameLength()));
		if (json.getMaxDocumentLength() != null) {
			builder.maxDocumentLength(positive("max-document-length", json.getMaxDocumentLength().toBytes()));
		}
		if (json.getMaxTokenCount() != null) {
			builder.maxTokenCount(positive("max-token-count", json.getMaxTokenCount()));
		}
		return builder.build();
	}

	static long maxBodyBytes(LimitsProperties properties) {
		long bytes = (properties.getMaxBodySize() != null) ? properties.getMaxBodySize().toBytes() : -1;
		if (bytes <= 0) {
			throw new InvalidConfigurationPropertyValueException("hardening.limits.max-body-size",
					properties.getMaxBodySize(), "Give a positive size such as 1MB, or set hardening.limits.enabled=false.");
		}
		return bytes;
	}

	private static int positive(String name, int value) {
		if (value <= 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, value, "Give a positive number.");
		}
		return value;
	}

	private static long positive(String name, long value) {
		if (value <= 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, value, "Give a positive number.");
		}
		return value;
	}

}
