package io.github.hardening.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (headless Chromium) loads the sample's home page: the script with the response's nonce
 * runs, the one without it (standing for an injected script) is blocked. Skipped when no Chromium is
 * installed, unless env {@code HARDENING_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserCspTests {

	@LocalServerPort
	int port;

	@Test
	void nonceScriptRunsAndInjectedScriptIsBlocked(@TempDir Path profile) throws Exception {
		String dom = dumpDom("http://127.0.0.1:" + this.port + "/", profile);
		assertThat(dom).contains("The inline script ran: its CSP nonce matched.");
		assertThat(dom).contains("A script without the nonce (as an attacker would inject) was blocked.");
		assertThat(dom).doesNotContain("DANGER");
	}

	private static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
		String chromium = System.getenv().getOrDefault("HARDENING_TEST_CHROMIUM", "/usr/bin/chromium");
		if (!new File(chromium).canExecute()) {
			String message = "No Chromium at " + chromium + " (apt-get install chromium, or set HARDENING_TEST_CHROMIUM)";
			if (Boolean.parseBoolean(System.getenv("HARDENING_REQUIRE_BROWSER"))) {
				Assertions.fail(message + " (HARDENING_REQUIRE_BROWSER=true)");
			}
			Assumptions.abort(message);
		}
		Path out = profile.resolve("dom.html");
		Process process = new ProcessBuilder(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile.resolve("user-data"), "--dump-dom", url))
			.redirectOutput(out.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			Assertions.fail("Chromium did not finish within 90 s");
		}
		return Files.readString(out, StandardCharsets.UTF_8);
	}

}
