package io.github.hardening.health;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class HardeningDefaultsEnvironmentPostProcessorTests {

	private final HardeningDefaultsEnvironmentPostProcessor processor = new HardeningDefaultsEnvironmentPostProcessor();

	@Test
	void probesGracefulShutdownAndHistogramsAreOnByDefault() {
		MockEnvironment environment = new MockEnvironment();
		this.processor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("true");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,hardening");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.additional-path"))
			.isEqualTo("server:/readyz");
		assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty(
				"management.metrics.distribution.percentiles-histogram.http.server.requests")).isEqualTo("true");
	}

	@Test
	void userSettingsWin() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.shutdown", "immediate")
			.withProperty("management.endpoint.health.group.readiness.include", "readinessState,db");
		this.processor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db");
	}

	@Test
	void nothingIsAddedWhenHardeningIsOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("hardening.enabled", "false");
		this.processor.postProcessEnvironment(environment, null);
		assertThat(environment.getPropertySources()
			.contains(HardeningDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(environment.getProperty("server.shutdown")).isNull();
	}

	@Test
	void switchedOffFeaturesAddNoDefaults() {
		MockEnvironment environment = new MockEnvironment().withProperty("hardening.health.enabled", "false")
			.withProperty("hardening.shutdown.enabled", "false");
		this.processor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isNull();
		assertThat(environment.getProperty("server.shutdown")).isNull();
	}

	@Test
	void probesSwitchedOffByTheUserGetNoReadinessGroup() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.endpoint.health.probes.enabled", "false");
		this.processor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isNull();
	}

}
