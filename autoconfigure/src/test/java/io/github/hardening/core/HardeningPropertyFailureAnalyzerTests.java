package io.github.hardening.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer of invalid {@code hardening.*} properties: names the property, where it is set, the reason and the
 * fix; never prints the value of a secret or a URL; leaves other properties to Spring Boot.
 */
class HardeningPropertyFailureAnalyzerTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void urlWithCredentialsIsNotPrintedButWhereItIsSetIs() {
		this.environment.getPropertySources().addFirst(new MapPropertySource("ops-settings",
				Map.of("hardening.rate-limit.redis.url", "redis://:hunter2@redis.internal:6379")));
		FailureAnalysis analysis = analyze(new InvalidConfigurationPropertyValueException(
				"hardening.rate-limit.redis.url", "redis://:hunter2@redis.internal:6379", "Give a Redis URL."));
		assertThat(analysis.getDescription())
			.startsWith("Invalid value (not shown) for configuration property 'hardening.rate-limit.redis.url' (set in ")
			.contains("ops-settings")
			.contains("Reason: Give a Redis URL.")
			.doesNotContain("hunter2");
		assertThat(analysis.getAction()).isEqualTo("Change hardening.rate-limit.redis.url as the reason above says, "
				+ "then start again.");
	}

	@Test
	void ordinaryValueIsShown() {
		FailureAnalysis analysis = analyze(new InvalidConfigurationPropertyValueException(
				"hardening.signed-url.clock-skew", "PT1H", "Give a skew between 0s and 10m, e.g. 30s."));
		assertThat(analysis.getDescription()).startsWith("Invalid value 'PT1H' for configuration property "
				+ "'hardening.signed-url.clock-skew'.");
	}

	@Test
	void otherPropertiesAreLeftToSpringBoot() {
		assertThat(analyze(new InvalidConfigurationPropertyValueException("spring.data.redis.url", "x", "bad")))
			.isNull();
	}

	private FailureAnalysis analyze(InvalidConfigurationPropertyValueException failure) {
		return new HardeningPropertyFailureAnalyzer(this.environment)
			.analyze(new IllegalStateException("bean creation failed", failure));
	}

}
