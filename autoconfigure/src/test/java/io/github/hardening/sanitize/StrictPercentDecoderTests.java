package io.github.hardening.sanitize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StrictPercentDecoderTests {

	@Test
	void wellFormedEscapesDecode() {
		assertThat(decode("caf%C3%A9+%F0%9F%98%80")).isEqualTo("café 😀");
		assertThat(decode("a%2Bb%25")).isEqualTo("a+b%");
		assertThat(decode("plain")).isEqualTo("plain");
		assertThat(StrictPercentDecoder.decode("a+b", 0, 3, StandardCharsets.UTF_8, false)).isEqualTo("a+b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%C3%28", "%E2%82", "%E2%82%28", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80", "%FF", "%zz",
			"%4", "abc%", "%%41", "%4g" })
	void brokenEscapesAndIllFormedUtf8AreMalformed(String raw) {
		assertThat(decode(raw)).isNull();
	}

	@Test
	void singleByteCharsetsAreNeverMalformedByTheirBytes() {
		assertThat(StrictPercentDecoder.decode("%E9t%E9", 0, 7, StandardCharsets.ISO_8859_1, true)).isEqualTo("été");
		assertThat(StrictPercentDecoder.decode("%zz", 0, 3, StandardCharsets.ISO_8859_1, true)).isNull();
	}

	@Test
	void lenientDecodingIsWhatTheContainerMakesOfIt() {
		assertThat(StrictPercentDecoder.decodeLeniently("%C3%28", 0, 6, StandardCharsets.UTF_8)).isEqualTo("\uFFFD(");
		assertThat(StrictPercentDecoder.decodeLeniently("a%zz", 0, 4, StandardCharsets.UTF_8)).isNull();
	}

	@Test
	void pairsNameTheMalformedOnesAndSkipEmptyNames() {
		List<String> seen = new ArrayList<>();
		UrlEncodedPairs.forEach("a=1&&=x&b=%C3%28&%zz=2&c&d=caf%C3%A9&e=%zz", StandardCharsets.UTF_8,
				(name, value, malformed) -> seen.add(name + "=" + value + (malformed ? "!" : "")));
		assertThat(seen).containsExactly("a=1", "b=\uFFFD(!", "%zz=null!", "c=", "d=café", "e=null!");
	}

	@Test
	void queryCheckNamesOnlyMalformedPairs() {
		List<String> names = new ArrayList<>();
		UrlEncodedPairs.forEachMalformed("a=1&b=%C3%28&c=caf%C3%A9&%zz=2&d+e=%E2%82&f=ok&g=%4", StandardCharsets.UTF_8,
				names::add);
		assertThat(names).containsExactly("b", "%zz", "d e", "g");
		UrlEncodedPairs.forEachMalformed("a=1&b=2", StandardCharsets.UTF_8, names::add);
		assertThat(names).hasSize(4);
	}

	@Test
	void wellFormedCheckAgreesWithDecoding() {
		for (String raw : new String[] { "caf%C3%A9", "%C3%28", "%zz", "x%E2%82", "%F0%9F%98%80", "a".repeat(5000) + "%C3%A9",
				"%C3%A9".repeat(2000) + "%C3" }) {
			assertThat(StrictPercentDecoder.isWellFormed(raw, 0, raw.length(), StandardCharsets.UTF_8)).as(raw)
				.isEqualTo(StrictPercentDecoder.decode(raw, 0, raw.length(), StandardCharsets.UTF_8, false) != null);
		}
	}

	@Test
	void pathSegmentsAreCheckedOneByOne() {
		assertThat(UrlEncodedPairs.isPathMalformed("/a/caf%C3%A9/b%20c", StandardCharsets.UTF_8)).isFalse();
		assertThat(UrlEncodedPairs.isPathMalformed("/a/%C3/%A9", StandardCharsets.UTF_8)).isTrue();
		assertThat(UrlEncodedPairs.isPathMalformed("/a/x%zz", StandardCharsets.UTF_8)).isTrue();
		assertThat(UrlEncodedPairs.isPathMalformed("/a+b/", StandardCharsets.UTF_8)).isFalse();
	}

	private static String decode(String raw) {
		return StrictPercentDecoder.decode(raw, 0, raw.length(), StandardCharsets.UTF_8, true);
	}

}
