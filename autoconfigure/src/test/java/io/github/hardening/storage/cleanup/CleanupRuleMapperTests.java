package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Startup checks of the rules: dangerous, missing and malformed values are refused, naming the property.
 */
class CleanupRuleMapperTests {

	@TempDir
	Path temp;

	private final DangerousFolders dangerous = new DangerousFolders(real(System.getProperty("user.home")),
			real(""));

	@Test
	void refusesTheFileSystemRoot() {
		assertRefused("/", "rules[0].path", "root of a file system");
	}

	@Test
	void refusesTheHomeFolder() {
		assertRefused(System.getProperty("user.home"), "rules[0].path", "home folder");
	}

	@Test
	void refusesTheWorkingFolderAndWhatHoldsIt() {
		assertRefused(".", "rules[0].path", "working folder");
		assertRefused(real("").getParent().toString(), "rules[0].path", "working folder");
	}

	@Test
	void refusesSystemFolders() {
		assertRefused("/etc", "rules[0].path", "system folder");
		assertRefused("/usr/share", "rules[0].path", "system folder /usr");
	}

	@Test
	void refusesAMissingPathAndAFile() throws IOException {
		assertRefused(this.temp.resolve("missing").toString(), "rules[0].path", "does not exist");
		Path file = Files.writeString(this.temp.resolve("file"), "x");
		assertRefused(file.toString(), "rules[0].path", "Not a folder");
	}

	@Test
	void createsAMissingFolderWhenAsked() {
		StorageCleanupProperties properties = properties(this.temp.resolve("made/here").toString());
		properties.getRules().get(0).setCreateMissing(true);
		List<CleanupRule> rules = CleanupRuleMapper.rules(properties, this.dangerous);
		assertThat(rules.get(0).folder()).isDirectory();
		assertThat(rules.get(0).name()).isEqualTo("here");
	}

	@Test
	void mapsAValidRule() {
		StorageCleanupProperties properties = properties(this.temp.toString());
		properties.getRules().get(0).setFreeSpaceThreshold("10%");
		properties.getRules().get(0).setExclude(List.of("*.keep"));
		CleanupRule rule = CleanupRuleMapper.rules(properties, this.dangerous).get(0);
		assertThat(rule.retention().maxAge()).isEqualTo(Duration.ofDays(1));
		assertThat(rule.retention().freeSpaceThreshold().percent()).isEqualTo(10.0);
		assertThat(rule.selection().exclude()).containsExactly("*.keep");
	}

	@Test
	void refusesABadThresholdGlobCronAndARuleThatDeletesNothing() {
		StorageCleanupProperties properties = properties(this.temp.toString());
		properties.getRules().get(0).setFreeSpaceThreshold("lots");
		assertRefused(properties, "rules[0].free-space-threshold", "percentage");
		properties.getRules().get(0).setFreeSpaceThreshold(null);
		properties.getRules().get(0).setInclude(List.of("[oops"));
		assertRefused(properties, "rules[0].include[0]", "glob");
		properties.getRules().get(0).setInclude(List.of());
		properties.setCron("every hour");
		assertRefused(properties, "cron", "cron");
		properties.setCron(null);
		properties.getRules().get(0).setMaxAge(null);
		assertRefused(properties, "rules[0].max-age", "deletes nothing");
	}

	private void assertRefused(String path, String property, String reason) {
		assertRefused(properties(path), property, reason);
	}

	private void assertRefused(StorageCleanupProperties properties, String property, String reason) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> CleanupRuleMapper.rules(properties, this.dangerous))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("hardening.storage.cleanup." + property))
			.withMessageContaining(reason);
	}

	private static StorageCleanupProperties properties(String path) {
		StorageCleanupProperties properties = new StorageCleanupProperties();
		StorageCleanupProperties.Rule rule = new StorageCleanupProperties.Rule();
		rule.setPath(path);
		rule.setMaxAge(Duration.ofDays(1));
		properties.getRules().add(rule);
		return properties;
	}

	private static Path real(String path) {
		try {
			return Path.of(path).toAbsolutePath().toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
