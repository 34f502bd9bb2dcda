package io.github.hardening.health;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.ResourcePressureEvent;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceMonitorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, HealthAutoConfiguration.class,
				ResourceMonitorAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true", "hardening.health.resources.interval=1h",
				// A busy build machine must not make these tests depend on its load.
				"hardening.health.resources.process-cpu-percent=100", "hardening.health.resources.system-load-per-cpu=1000",
				"hardening.health.resources.live-threads=100000");

	@Test
	void monitorStartsWithTheContextAndReportsUp() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ResourceMonitorScheduler.class).isRunning()).isTrue();
			assertThat(context.getBean(ResourcesHealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
			assertThat(context.getBean(ResourceMonitor.class).lastSample()).containsKeys("heap-after-gc", "process-cpu",
					"system-load", "open-files", "live-threads");
		});
	}

	@Test
	void storageFolderBelowItsFreeSpaceThresholdDegradesAndPublishesTheEvent(@TempDir Path folder) {
		this.contextRunner.withUserConfiguration(EventRecorder.class)
			.withPropertyValues("hardening.health.storage.folders=" + folder,
					"hardening.health.resources.disk-free-percent=100")
			.run((context) -> {
				assertThat(context.getBean(ResourcesHealthIndicator.class).health().getStatus())
					.isEqualTo(ResourcesHealthIndicator.DEGRADED);
				List<ResourcePressureEvent> events = context.getBean(EventRecorder.class).events.stream()
					.filter(ResourcePressureEvent::isDisk)
					.toList();
				assertThat(events).singleElement().satisfies((event) -> {
					assertThat(event.getResource()).isEqualTo("disk-free:" + folder);
					assertThat(event.isDisk()).isTrue();
					assertThat(event.isUnderPressure()).isTrue();
				});
				// Degraded is not unready by default.
				assertThat(context.getBean(ReadinessRunner.class).names()).doesNotContain("resources");
			});
	}

	@Test
	void pressureFailsReadinessOnlyWhenConfigured(@TempDir Path folder) {
		this.contextRunner
			.withPropertyValues("hardening.health.storage.folders=" + folder,
					"hardening.health.resources.disk-free-percent=100", "hardening.health.resources.fail-readiness=true")
			.run((context) -> assertThat(context.getBean(ReadinessRunner.class).run().get("resources").ready()).isFalse());
	}

	@Test
	void monitorBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.health.resources.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResourceMonitor.class)
				.doesNotHaveBean(ResourcesHealthIndicator.class));
		this.contextRunner.withPropertyValues("hardening.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResourceMonitor.class));
	}

	@Test
	void userMonitorWins() {
		this.contextRunner.withUserConfiguration(UserMonitorConfiguration.class)
			.run((context) -> assertThat(context.getBean(ResourceMonitor.class)).isSameAs(context.getBean("myMonitor")));
	}

	@Test
	void thresholdOutsideAPercentageFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.health.resources.heap-after-gc-percent=150")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.health.resources.heap-after-gc-percent"));
	}

	@Configuration(proxyBeanMethods = false)
	static class EventRecorder implements ApplicationListener<ResourcePressureEvent> {

		final List<ResourcePressureEvent> events = new ArrayList<>();

		@Override
		public void onApplicationEvent(ResourcePressureEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMonitorConfiguration {

		@Bean
		ResourceMonitor myMonitor() {
			return new ResourceMonitor(List.of(), (event) -> {
			}, (name) -> {
			});
		}

	}

}
