package io.github.hardening.sanitize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServerDefaultsEnvironmentPostProcessorTests {

	private final ServerDefaultsEnvironmentPostProcessor processor = new ServerDefaultsEnvironmentPostProcessor();

	@Test
	void hardenedDefaultsApplyWhereTheApplicationSetsNothing() {
		StandardEnvironment environment = environment(Map.of("server.tomcat.connection-timeout", "30s"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.connection-timeout")).isEqualTo("30s");
		assertThat(environment.getProperty("server.tomcat.keep-alive-timeout")).isEqualTo("20s");
		assertThat(environment.getProperty("server.max-http-request-header-size")).isEqualTo("8KB");
		assertThat(environment.getProperty("server.tomcat.max-http-form-post-size")).isEqualTo("1MB");
	}

	@Test
	void nothingIsAddedWhenSwitchedOff() {
		for (String off : new String[] { "hardening.enabled", "hardening.limits.enabled",
				"hardening.limits.server-defaults" }) {
			StandardEnvironment environment = environment(Map.of(off, "false"));
			this.processor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("server.tomcat.connection-timeout")).as(off).isNull();
		}
	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
