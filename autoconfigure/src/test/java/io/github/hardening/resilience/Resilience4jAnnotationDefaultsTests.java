package io.github.hardening.resilience;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.annotation.Retry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * resilience4j's annotations keep working and use {@code hardening.resilience.defaults} as their
 * {@code default} configs, unless the application configures {@code resilience4j.*} itself.
 */
class Resilience4jAnnotationDefaultsTests {

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn")
			.run(java.util.Arrays.stream(properties).map((p) -> "--" + p).toArray(String[]::new));
	}

	@Test
	void annotationsUseOurDefaults() {
		try (ConfigurableApplicationContext context = start(
				"hardening.resilience.defaults.circuit-breaker.failure-rate-threshold=33",
				"hardening.resilience.defaults.retry.max-attempts=4",
				"hardening.resilience.defaults.retry.initial-backoff=1ms")) {
			Downstream downstream = context.getBean(Downstream.class);
			assertThatExceptionOfType(IOException.class).isThrownBy(downstream::call);
			assertThat(downstream.calls()).isEqualTo(4);
			assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("annotated")
				.getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(33f);
			assertThat(context.getBean(RetryRegistry.class).retry("annotated").getRetryConfig().getMaxAttempts())
				.isEqualTo(4);
		}
	}

	@Test
	void applicationsOwnResilience4jSettingsWin() {
		try (ConfigurableApplicationContext context = start(
				"hardening.resilience.defaults.circuit-breaker.failure-rate-threshold=33",
				"resilience4j.circuitbreaker.configs.default.failure-rate-threshold=70")) {
			assertThat(context.getBean(CircuitBreakerRegistry.class).circuitBreaker("other")
				.getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(70f);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
			RetryAutoConfiguration.class })
	static class App {

		@Bean
		Downstream downstream() {
			return new Downstream();
		}

	}

	static class Downstream {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		@Retry(name = "annotated")
		@CircuitBreaker(name = "annotated")
		public String call() throws IOException {
			this.calls.incrementAndGet();
			throw new IOException("down");
		}

	}

}
