package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Maps {@code hardening.sanitize.detector.*} onto the filter's settings, naming the property of an invalid
 * path pattern.
 */
final class DetectorMapper {

	private DetectorMapper() {
	}

	static boolean isUsed(SanitizeProperties.Detector detector) {
		return detector.getMode() != DetectorMode.OFF
				|| detector.getPaths().values().stream().anyMatch((mode) -> mode != DetectorMode.OFF);
	}

	static Map<PathPattern, DetectorMode> pathModes(SanitizeProperties.Detector detector) {
		Map<PathPattern, DetectorMode> modes = new LinkedHashMap<>();
		detector.getPaths().forEach((pattern, mode) -> {
			try {
				modes.put(PathPatternParser.defaultInstance.parse(pattern), mode);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException("hardening.sanitize.detector.paths[" + pattern + "]",
						mode, "Not a valid path pattern: " + ex.getMessage());
			}
		});
		return modes;
	}

}
