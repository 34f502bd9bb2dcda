package io.github.hardening.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.StartupAuditException;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, ShutdownAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true", "hardening.shutdown.drain-delay=0s");

	@Test
	void closingTheContextTurnsReadinessToRefusingBeforeTheBeansStop() {
		List<ReadinessState> states = new ArrayList<>();
		this.contextRunner.withBean("recorder", ApplicationListener.class,
				() -> (ApplicationListener<AvailabilityChangeEvent<ReadinessState>>) (event) -> states.add(event.getState()))
			.run((context) -> {
				ShutdownDrain drain = context.getBean(ShutdownDrain.class);
				assertThat(drain.isDraining()).isFalse();
				((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
				assertThat(drain.isDraining()).isTrue();
				assertThat(states).containsExactly(ReadinessState.REFUSING_TRAFFIC);
			});
	}

	@Test
	void reportsItsSettings() {
		this.contextRunner.withPropertyValues("server.shutdown=graceful").run((context) -> {
			HardeningReportContributor report = context.getBeansOfType(HardeningReportContributor.class)
				.values()
				.stream()
				.filter((c) -> c.feature().equals("shutdown"))
				.findFirst()
				.orElseThrow();
			assertThat(report.report().settings()).containsEntry("server-shutdown", "graceful")
				.containsEntry("drain-delay", "PT0S");
		});
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.shutdown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ShutdownDrain.class));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ShutdownDrain.class));
	}

	@Test
	void exitStatusHandlerCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("hardening.shutdown.exit-zero-on-sigterm=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SigtermExitStatus.class)
				.hasSingleBean(ShutdownDrain.class));
	}

	@Test
	void userDrainWins() {
		this.contextRunner.withUserConfiguration(UserDrainConfiguration.class)
			.run((context) -> assertThat(context.getBean(ShutdownDrain.class)).isSameAs(context.getBean("myDrain")));
	}

	@Test
	void negativeDrainDelayFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.shutdown.drain-delay=-1s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.shutdown.drain-delay"));
	}

	@Test
	void strictAuditRefusesAnImmediateShutdown() {
		this.contextRunner.withPropertyValues("hardening.mode=strict", "server.shutdown=immediate")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(StartupAuditException.class)
				.hasMessageContaining("server.shutdown"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserDrainConfiguration {

		@Bean
		ShutdownDrain myDrain() {
			return new ShutdownDrain(Duration.ZERO);
		}

	}

}
