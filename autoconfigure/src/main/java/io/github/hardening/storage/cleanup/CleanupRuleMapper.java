package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.scheduling.support.CronExpression;

/**
 * Checks {@link StorageCleanupProperties} and turns its rules into {@link CleanupRule}s; any invalid or
 * dangerous value stops the startup with the property's name and the fix.
 */
final class CleanupRuleMapper {

	private static final String PREFIX = "hardening.storage.cleanup.";

	/** Stands for "no maximum age": only the quota and disk pressure delete. */
	private static final Duration FOREVER = Duration.ofDays(365L * 1000);

	private CleanupRuleMapper() {
	}

	static List<CleanupRule> rules(StorageCleanupProperties properties, DangerousFolders dangerous) {
		checkSchedule(properties);
		List<CleanupRule> rules = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < properties.getRules().size(); i++) {
			CleanupRule rule = rule(properties.getRules().get(i), PREFIX + "rules[" + i + "].", dangerous);
			if (!names.add(rule.name())) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "rules[" + i + "].name", rule.name(),
						"Each rule needs its own name (metrics and the report use it).");
			}
			rules.add(rule);
		}
		return rules;
	}

	private static void checkSchedule(StorageCleanupProperties properties) {
		positive(PREFIX + "interval", properties.getInterval());
		positive(PREFIX + "max-run-time", properties.getMaxRunTime());
		if (properties.getInitialDelay() == null || properties.getInitialDelay().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "initial-delay",
					properties.getInitialDelay(), "Give a delay of zero or more, e.g. 1m.");
		}
		String cron = properties.getCron();
		if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "cron", cron,
					"Give a six-field cron expression, seconds first, e.g. '0 0 * * * *' for every hour.");
		}
	}

	private static CleanupRule rule(StorageCleanupProperties.Rule rule, String prefix, DangerousFolders dangerous) {
		Path folder = folder(rule, prefix + "path", dangerous);
		String name = (rule.getName() != null && !rule.getName().isBlank()) ? rule.getName()
				: folder.getFileName().toString();
		Duration maxAge = (rule.getMaxAge() != null) ? positive(prefix + "max-age", rule.getMaxAge()) : FOREVER;
		if (rule.getMinDepth() < 1) {
			throw new InvalidConfigurationPropertyValueException(prefix + "min-depth", rule.getMinDepth(),
					"Give 1 (entries directly in the folder) or more.");
		}
		long quota = -1;
		if (rule.getMaxTotalSize() != null) {
			quota = rule.getMaxTotalSize().toBytes();
			if (quota < 0) {
				throw new InvalidConfigurationPropertyValueException(prefix + "max-total-size",
						rule.getMaxTotalSize(), "Give a size of zero or more, e.g. 1GB.");
			}
		}
		FreeSpaceThreshold threshold = threshold(rule.getFreeSpaceThreshold(), prefix + "free-space-threshold");
		if (rule.getMaxAge() == null && quota < 0 && threshold == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + "max-age", null,
					"Give max-age, max-total-size or free-space-threshold: a rule without any deletes nothing.");
		}
		Duration pressureAge = positive(prefix + "pressure-max-age", rule.getPressureMaxAge());
		globs(rule.getInclude(), prefix + "include");
		globs(rule.getExclude(), prefix + "exclude");
		return new CleanupRule(name, folder,
				new CleanupRule.Selection(List.copyOf(rule.getInclude()), List.copyOf(rule.getExclude()),
						rule.getMinDepth(), rule.getAgeBy()),
				new CleanupRule.Retention(maxAge, quota, rule.isDeleteEmptyDirectories(), threshold, pressureAge));
	}

	private static Path folder(StorageCleanupProperties.Rule rule, String property, DangerousFolders dangerous) {
		String configured = rule.getPath();
		if (configured == null || configured.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(property, configured,
					"Give the folder the rule cleans, e.g. /var/lib/app/tmp.");
		}
		Path path = Path.of(configured).toAbsolutePath().normalize();
		try {
			if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && rule.isCreateMissing()
					&& dangerous.whyRefused(path) == null) {
				Files.createDirectories(path);
			}
			if (!Files.exists(path)) {
				throw new InvalidConfigurationPropertyValueException(property, configured,
						"The folder does not exist: create it, or set create-missing: true on the rule.");
			}
			if (!Files.isDirectory(path)) {
				throw new InvalidConfigurationPropertyValueException(property, configured,
						"Not a folder: a rule cleans a folder.");
			}
			Path real = path.toRealPath();
			String why = dangerous.whyRefused(real);
			if (why != null) {
				throw new InvalidConfigurationPropertyValueException(property, configured, "Refused because " + why
						+ " (" + real + "): point the rule at a folder that only holds files it may delete.");
			}
			return real;
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(property, configured,
					"The folder cannot be read or created: " + ex.getMessage());
		}
	}

	private static FreeSpaceThreshold threshold(String value, String property) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return FreeSpaceThreshold.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"Give a percentage such as 10% or an amount such as 500MB (" + ex.getMessage() + ").");
		}
	}

	private static void globs(List<String> globs, String property) {
		for (int i = 0; i < globs.size(); i++) {
			try {
				Path.of(".").getFileSystem().getPathMatcher("glob:" + globs.get(i));
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidConfigurationPropertyValueException(property + "[" + i + "]", globs.get(i),
						"Not a valid glob: " + ex.getDescription());
			}
		}
	}

	private static Duration positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(property, value, "Give a positive duration, e.g. 1h.");
		}
		return value;
	}

}
