package io.github.hardening.sanitize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of {@link SafeFilenames} and {@link SafePaths} over many generated hostile inputs (a seeded
 * stand-in for the fuzz tests): a name never holds a separator, is never {@code .}, {@code ..} or a reserved
 * device name and fits 255 bytes; a resolved path never leaves its root, links included.
 */
class SafePathsPropertyTests {

	private static final String[] NAME_PARTS = { "/", "\\", ".", "..", "%2e", "%2f", "%5c", "%", "%25", "CON", "nul",
			"com1", "LPT9", ".txt", " ", "\u0000", "\u0007", "\n", "\u202E", "\u2066", "\uD800", "é", "e\u0301", "😀", ":",
			"*", "?", "<", "a", "b", "name", "x".repeat(120), "日本" };

	private static final String[] PATH_PARTS = { "..", ".", "a", "b", "docs", "out", "in", "dangling", "%2e%2e", "/",
			"\\", "//", "x.txt", "..\\", "../", " ", "\u0000" };

	@Test
	void sanitisedNamesKeepTheirInvariants() {
		Random random = new Random(20261127);
		for (int run = 0; run < 20_000; run++) {
			StringBuilder input = new StringBuilder();
			int parts = 1 + random.nextInt(8);
			for (int i = 0; i < parts; i++) {
				input.append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
			}
			String name;
			try {
				name = SafeFilenames.sanitize(input.toString());
			}
			catch (UnsafePathException ex) {
				continue;
			}
			assertThat(name).as(input.toString()).doesNotContain("/", "\\", "\u0000").isNotIn("", ".", "..");
			assertThat(SafeFilenames.isReserved(name)).as(input.toString()).isFalse();
			assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
			assertThat(name).doesNotEndWith(".").doesNotEndWith(" ");
		}
	}

	@Test
	void resolvedPathsNeverLeaveTheRoot(@TempDir Path temp) throws Exception {
		Path root = Files.createDirectories(temp.resolve("root"));
		Path outside = Files.createDirectories(temp.resolve("outside"));
		Files.createDirectories(root.resolve("docs"));
		Files.createSymbolicLink(root.resolve("out"), outside);
		Files.createSymbolicLink(root.resolve("in"), root.resolve("docs"));
		Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("nothing"));
		Path realRoot = root.toRealPath();
		Random random = new Random(42);
		int resolved = 0;
		for (int run = 0; run < 20_000; run++) {
			StringBuilder input = new StringBuilder();
			int parts = 1 + random.nextInt(6);
			for (int i = 0; i < parts; i++) {
				if (i > 0 && random.nextBoolean()) {
					input.append('/');
				}
				input.append(PATH_PARTS[random.nextInt(PATH_PARTS.length)]);
			}
			Path result;
			try {
				result = SafePaths.resolve(root, input.toString());
			}
			catch (UnsafePathException ex) {
				continue;
			}
			resolved++;
			// Path.startsWith compares names; AssertJ's would resolve paths that do not exist yet.
			assertThat(result.startsWith(realRoot)).as(input.toString()).isTrue();
			assertThat(result).as(input.toString()).isNotEqualTo(realRoot);
			assertThat(result.startsWith(outside.toRealPath())).as(input.toString()).isFalse();
		}
		assertThat(resolved).as("some inputs are legitimate").isGreaterThan(1000);
	}

}
