package io.github.hardening.signedurl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.hardening.core.HardeningAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Real application starts with a broken signed-URL configuration: the start fails and the failure report names
 * the property, where it is set, the reason and the fix, and never prints the secret (Spring Boot's own
 * analyzer of the exception would print the value found in the environment).
 */
@ExtendWith(OutputCaptureExtension.class)
class SignedUrlStartupFailureTests {

	private static final String SHORT_SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZQ==";

	private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@Test
	void tooShortSecretFailsTheStartNamingThePropertyAndTheFix(CapturedOutput output) {
		startFails("hardening.signed-url.keys[0].id=k1", "hardening.signed-url.keys[0].secret=" + SHORT_SECRET);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("hardening.signed-url.keys[0].secret")
			.contains("31 bytes; at least 32 are needed")
			.contains("openssl rand -base64 32")
			.contains("Action:")
			.contains("Change hardening.signed-url.keys[0].secret")
			.contains("Invalid value (not shown) for configuration property 'hardening.signed-url.keys[0].secret' "
					+ "(set in \"hardening.signed-url.keys[0].secret\" from property source \"defaultProperties\")")
			.doesNotContain(SHORT_SECRET);
	}

	@Test
	void unknownSigningKeyIdFailsTheStartNamingThePropertyAndTheFix(CapturedOutput output) {
		startFails("hardening.signed-url.keys[0].id=k1", "hardening.signed-url.keys[0].secret=" + SECRET,
				"hardening.signed-url.signing-key-id=k9");
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'k9' for configuration property 'hardening.signed-url.signing-key-id'")
			.contains("Give the id of a key listed in hardening.signed-url.keys: one of [k1]")
			.contains("Action:")
			.doesNotContain(SECRET);
	}

	@Test
	void badRedisStoreSettingFailsTheStartNamingTheProperty(CapturedOutput output) {
		startFails("hardening.signed-url.store=redis", "hardening.signed-url.redis.url=redis://127.0.0.1:1",
				"hardening.signed-url.redis.command-timeout=1m");
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("hardening.signed-url.redis.command-timeout")
			.contains("Give a timeout between 1ms and 10s");
	}

	private static void startFails(String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run()
			.close());
	}

	@ImportAutoConfiguration({ HardeningAutoConfiguration.class, SignedUrlAutoConfiguration.class })
	static class App {

	}

}
