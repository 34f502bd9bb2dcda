package io.github.hardening.sanitize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of the sanitising invariants. In a normal build ({@code ./mvnw verify}) they run in
 * regression mode: each input under {@code src/test/resources/.../SanitizeFuzzTestsInputs/<method>/} once,
 * plus any crash Jazzer found earlier. Fuzz for real with {@code JAZZER_FUZZ=1} (see docs/sanitize.md).
 */
class SanitizeFuzzTests {

	private static Path temp;

	private static Path root;

	private static Path realRoot;

	private static Path realOutside;

	@BeforeAll
	static void createRootWithLinks() throws IOException {
		temp = Files.createTempDirectory("sanitize-fuzz");
		root = Files.createDirectories(temp.resolve("root"));
		Path outside = Files.createDirectories(temp.resolve("outside"));
		Files.createDirectories(root.resolve("docs"));
		Files.createSymbolicLink(root.resolve("out"), outside);
		Files.createSymbolicLink(root.resolve("in"), root.resolve("docs"));
		Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("nothing"));
		realRoot = root.toRealPath();
		realOutside = outside.toRealPath();
	}

	@AfterAll
	static void deleteRoot() throws IOException {
		try (Stream<Path> paths = Files.walk(temp)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@FuzzTest(maxDuration = "30s")
	void resolvedPathNeverLeavesTheRoot(FuzzedDataProvider data) {
		String untrusted = data.consumeRemainingAsString();
		Path result;
		try {
			result = SafePaths.resolve(root, untrusted);
		}
		catch (UnsafePathException ex) {
			return;
		}
		assertThat(result.startsWith(realRoot)).as(untrusted).isTrue();
		assertThat(result).as(untrusted).isNotEqualTo(realRoot);
		assertThat(result.startsWith(realOutside)).as(untrusted).isFalse();
	}

	@FuzzTest(maxDuration = "30s")
	void sanitisedNameIsNeverASeparatorDotsOrReserved(FuzzedDataProvider data) {
		String untrusted = data.consumeRemainingAsString();
		String name;
		try {
			name = SafeFilenames.sanitize(untrusted);
		}
		catch (UnsafePathException ex) {
			return;
		}
		assertThat(name).as(untrusted).doesNotContain("/", "\\", "\u0000").isNotIn("", ".", "..");
		assertThat(SafeFilenames.isReserved(name)).as(untrusted).isFalse();
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).as(untrusted)
			.isLessThanOrEqualTo(SafeFilenames.MAX_BYTES);
		assertThat(SafeFilenames.sanitize(name)).as("sanitising twice changes nothing").isEqualTo(name);
	}

	@FuzzTest(maxDuration = "30s")
	void normalisingIsIdempotentAndNeverThrowsOtherwise(FuzzedDataProvider data) {
		TextNormalizer.Form form = data.pickValue(TextNormalizer.Form.values());
		String untrusted = data.consumeRemainingAsString();
		TextNormalizer normalizer = new TextNormalizer(form);
		String once;
		try {
			once = normalizer.normalize(untrusted);
		}
		catch (InvalidTextException ex) {
			// Documented: only text holding an unpaired surrogate is refused.
			assertThat(hasUnpairedSurrogate(untrusted)).as(untrusted).isTrue();
			return;
		}
		assertThat(normalizer.normalize(once)).as("normalising twice").isSameAs(once);
	}

	@FuzzTest(maxDuration = "30s")
	void strictDecodingNeverThrowsAndAgreesWithTheJdkWhereItAccepts(FuzzedDataProvider data) {
		String raw = data.consumeRemainingAsString();
		String strict = StrictPercentDecoder.decode(raw, 0, raw.length(), StandardCharsets.UTF_8, true);
		if (strict != null) {
			assertThat(strict).as(raw)
				.isEqualTo(StrictPercentDecoder.decodeLeniently(raw, 0, raw.length(), StandardCharsets.UTF_8));
			assertThat(hasUnpairedSurrogate(strict)).as(raw).isFalse();
		}
	}

	private static boolean hasUnpairedSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
