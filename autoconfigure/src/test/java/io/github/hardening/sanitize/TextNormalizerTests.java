package io.github.hardening.sanitize;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.hardening.core.LocalHardeningMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextNormalizerTests {

	private final TextNormalizer nfc = new TextNormalizer(TextNormalizer.Form.NFC);

	private final TextNormalizer nfkc = new TextNormalizer(TextNormalizer.Form.NFKC);

	private final TextNormalizer none = new TextNormalizer(TextNormalizer.Form.NONE);

	@ParameterizedTest
	@ValueSource(strings = { "", "hello", "Select a course", "O'Brien", "a\tb\r\nc", "1 + 1 = 2; DROP TABLE x; --",
			"Crème brûlée", "日本語", "emoji 😀👍🏽", "Ünïcödé in NFC", "∑ x² ≤ ∞" })
	void cleanTextIsReturnedAsTheSameInstance(String clean) {
		assertThat(this.nfc.normalize(clean)).isSameAs(clean);
		assertThat(this.none.normalize(clean)).isSameAs(clean);
	}

	@Test
	void controlCharactersOtherThanTabCrLfAreRemoved() {
		assertThat(this.nfc.normalize("a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg")).isEqualTo("abcdefg");
		assertThat(this.nfc.normalize("keep\ttab\rcr\nlf")).isEqualTo("keep\ttab\rcr\nlf");
	}

	@Test
	void bidiOverridesAndIsolatesAreRemoved() {
		assertThat(this.nfc.normalize("access\u202E\u2066// admin\u2069\u202C")).isEqualTo("access// admin");
		for (char c = '\u202A'; c <= '\u202E'; c++) {
			assertThat(this.nfc.normalize("x" + c + "y")).isEqualTo("xy");
		}
		for (char c = '\u2066'; c <= '\u2069'; c++) {
			assertThat(this.nfc.normalize("x" + c + "y")).isEqualTo("xy");
		}
	}

	@Test
	void formsApplyAsConfigured() {
		String decomposed = "e\u0301";
		assertThat(this.nfc.normalize(decomposed)).isEqualTo("\u00e9");
		assertThat(this.none.normalize(decomposed)).isSameAs(decomposed);
		assertThat(this.nfkc.normalize("ｆｕｌｌ ﬁ")).isEqualTo("full fi");
		assertThat(this.nfc.normalize("ｆｕｌｌ")).isEqualTo("ｆｕｌｌ");
	}

	@Test
	void latinTextBelowCombiningMarksIsNfcWithoutChangeButNotNfkc() {
		String latin = "Ærøskøbing, Łódź, Crème brûlée, Ñandú, ½ and x²";
		assertThat(this.nfc.normalize(latin)).isSameAs(latin);
		assertThat(this.nfkc.normalize(latin)).isEqualTo("Ærøskøbing, Łódź, Crème brûlée, Ñandú, 1⁄2 and x2");
		assertThat(this.nfc.normalize("a\u0000é")).isEqualTo("aé");
	}

	@Test
	void controlBetweenBaseAndCombiningMarkIsRemovedBeforeComposition() {
		assertThat(this.nfc.normalize("e\u0007\u0301")).isEqualTo("\u00e9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD800", "a\uDC00b", "\uD83D", "x\uDE00\uD83D" })
	void unpairedSurrogatesAreRefused(String broken) {
		assertThatExceptionOfType(InvalidTextException.class).isThrownBy(() -> this.nfc.normalize(broken));
	}

	@Test
	void normalisingIsIdempotentAndNeverThrowsOnWellFormedInput() {
		Random random = new Random(42);
		int[] interesting = { 0, 7, 9, 10, 13, 0x1B, 0x7F, 0x85, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069, 0x301, 0x308,
				0x65, 0xE9, 0xFB01, 0xFF41, 0x1F600, 0x1F3FD, 0xAC00, 0x1100, 0x1161, 0x11A8 };
		for (int run = 0; run < 5000; run++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(20);
			for (int i = 0; i < length; i++) {
				text.appendCodePoint((random.nextInt(3) == 0) ? random.nextInt(0x3000)
						: interesting[random.nextInt(interesting.length)]);
			}
			// Code points below U+3000 and the listed ones are never surrogates: the input is well-formed.
			String input = text.toString();
			for (TextNormalizer normalizer : new TextNormalizer[] { this.nfc, this.nfkc, this.none }) {
				String once = normalizer.normalize(input);
				String twice = normalizer.normalize(once);
				assertThat(twice).as("idempotent for %s", input.codePoints().boxed().toList()).isEqualTo(once);
				assertThat(twice).isSameAs(once);
			}
		}
	}

	@Test
	void sanitizerCountsAndRefusesAsItsModeSays() {
		LocalHardeningMetrics metrics = new LocalHardeningMetrics();
		TextSanitizer normalize = new TextSanitizer(this.nfc, TextMode.NORMALIZE, metrics.counter("n", "n"),
				metrics.counter("r", "r"));
		assertThat(normalize.apply("a\u0000b", "name")).isEqualTo("ab");
		assertThat(normalize.apply("ab", "name")).isEqualTo("ab");
		assertThat(normalize.apply(null, "name")).isNull();
		assertThat(metrics.counter("n", "n").count()).isEqualTo(1.0);

		TextSanitizer reject = new TextSanitizer(this.nfc, TextMode.REJECT, metrics.counter("n", "n"),
				metrics.counter("r", "r"));
		assertThat(reject.apply("clean", "name")).isEqualTo("clean");
		assertThatExceptionOfType(InvalidTextException.class).isThrownBy(() -> reject.apply("a\u202Eb", "name"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("name"));
		assertThatExceptionOfType(InvalidTextException.class).isThrownBy(() -> normalize.apply("\uD800", "title"))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("title"));
		assertThat(metrics.counter("r", "r").count()).isEqualTo(2.0);

		TextSanitizer off = new TextSanitizer(this.nfc, TextMode.OFF, metrics.counter("n", "n"),
				metrics.counter("r", "r"));
		assertThat(off.apply("a\u0000\uD800", "x")).isEqualTo("a\u0000\uD800");
	}

}
