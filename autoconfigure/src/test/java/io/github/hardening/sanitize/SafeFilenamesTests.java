package io.github.hardening.sanitize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SafeFilenamesTests {

	@Test
	void plainNamesComeThroughUnchanged() {
		assertThat(SafeFilenames.sanitize("report.pdf")).isEqualTo("report.pdf");
		assertThat(SafeFilenames.sanitize("Crème brûlée (2).txt")).isEqualTo("Crème brûlée (2).txt");
		assertThat(SafeFilenames.sanitize("写真.png")).isEqualTo("写真.png");
		assertThat(SafeFilenames.sanitize(".gitignore")).isEqualTo(".gitignore");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "..\\..\\etc\\passwd", "/etc/passwd", "C:\\etc\\passwd",
			"%2e%2e%2fetc%2fpasswd", "..%2F..%2Fetc%2Fpasswd", "..%5c..%5cetc%5cpasswd", "a/b\\c/passwd" })
	void onlyTheBaseNameIsKept(String untrusted) {
		assertThat(SafeFilenames.sanitize(untrusted)).isEqualTo("passwd");
	}

	@Test
	void percentDecodingIsAppliedOnlyOnce() {
		// "%252e" decodes to the literal text "%2e", which is a harmless name and is not decoded again.
		assertThat(SafeFilenames.sanitize("%252e%252e%252fx")).isEqualTo("%2e%2e%2fx");
		assertThat(SafeFilenames.sanitize("100%.txt")).isEqualTo("100%.txt");
		assertThat(SafeFilenames.sanitize("caf%C3%A9.txt")).isEqualTo("café.txt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ".", "..", "...", "../", "a/..", "%2e%2e", " . ", "\u0000", "/", "\\" })
	void namesThatAreNotNamesAreRefused(String untrusted) {
		assertThatExceptionOfType(UnsafePathException.class).isThrownBy(() -> SafeFilenames.sanitize(untrusted));
	}

	@Test
	void nullIsRefused() {
		assertThatExceptionOfType(UnsafePathException.class).isThrownBy(() -> SafeFilenames.sanitize(null));
	}

	@Test
	void controlAndBidiCharactersAreRemoved() {
		assertThat(SafeFilenames.sanitize("evil\u0000.txt")).isEqualTo("evil.txt");
		assertThat(SafeFilenames.sanitize("a\u0007b\u009Fc.txt")).isEqualTo("abc.txt");
		assertThat(SafeFilenames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(SafeFilenames.sanitize("x\u2066y\u2069.txt")).isEqualTo("xy.txt");
		assertThat(SafeFilenames.sanitize("line\nbreak\t.txt")).isEqualTo("linebreak.txt");
	}

	@Test
	void windowsForbiddenCharactersAreReplaced() {
		assertThat(SafeFilenames.sanitize("a<b>c:d\"e|f?g*.txt")).isEqualTo("a_b_c_d_e_f_g_.txt");
		assertThat(SafeFilenames.sanitize("file.txt:secret")).isEqualTo("file.txt_secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CON", "con", "Prn.txt", "aux.tar.gz", "NUL", "com1", "COM9.log", "lpt1", "LPT9.x",
			"nul " })
	void reservedDeviceNamesArePrefixed(String name) {
		String safe = SafeFilenames.sanitize(name);
		assertThat(safe).startsWith("_");
		assertThat(SafeFilenames.isReserved(safe)).isFalse();
	}

	@Test
	void namesThatOnlyLookReservedAreKept() {
		assertThat(SafeFilenames.sanitize("console.txt")).isEqualTo("console.txt");
		assertThat(SafeFilenames.sanitize("COM10")).isEqualTo("COM10");
		assertThat(SafeFilenames.sanitize("xnul")).isEqualTo("xnul");
	}

	@Test
	void trailingDotsAndSpacesAreTrimmed() {
		assertThat(SafeFilenames.sanitize("name.txt. . ")).isEqualTo("name.txt");
		assertThat(SafeFilenames.sanitize("  name.txt")).isEqualTo("name.txt");
		assertThat(SafeFilenames.sanitize("shell.php.")).isEqualTo("shell.php");
	}

	@Test
	void resultIsInNfc() {
		String decomposed = "cafe\u0301.txt";
		assertThat(SafeFilenames.sanitize(decomposed)).isEqualTo("caf\u00e9.txt");
	}

	@Test
	void longNamesAreShortenedTo255Utf8BytesKeepingTheExtension() {
		String ascii = "a".repeat(400) + ".jpeg";
		String safe = SafeFilenames.sanitize(ascii);
		assertThat(safe.getBytes(StandardCharsets.UTF_8)).hasSize(255);
		assertThat(safe).endsWith(".jpeg");

		String multiByte = "é".repeat(200) + "😀".repeat(10) + ".png";
		String shortened = SafeFilenames.sanitize(multiByte);
		assertThat(shortened.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(shortened).endsWith(".png");
		assertThat(new String(shortened.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(shortened);

		String emoji = "😀".repeat(100);
		String cut = SafeFilenames.sanitize(emoji);
		assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(252);
		assertThat(cut.codePoints().allMatch((cp) -> cp == 0x1F600)).isTrue();
	}

	@Test
	void unpairedSurrogatesAreRemoved() {
		assertThat(SafeFilenames.sanitize("a\uD800b.txt")).isEqualTo("ab.txt");
	}

	@Test
	void sanitisedNamesCanBeCreatedAsFilesDirectlyInTheDirectory(@TempDir Path dir) throws Exception {
		String[] names = { "../../x.txt", "CON.txt", "a:b.txt", "%2e%2e%2fy", "tab\there", "x".repeat(300) + ".bin",
				"日本語のファイル名.pdf" };
		for (String name : names) {
			Path file = dir.resolve(SafeFilenames.sanitize(name));
			Files.writeString(file, "content");
			assertThat(file.getParent()).isEqualTo(dir);
		}
		try (var listing = Files.list(dir)) {
			assertThat(listing.count()).isEqualTo(names.length);
		}
	}

}
