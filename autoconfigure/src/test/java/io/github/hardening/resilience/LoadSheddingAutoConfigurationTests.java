package io.github.hardening.resilience;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningFilterOrder;
import io.github.hardening.core.LocalHardeningMetrics;
import io.github.hardening.core.ProblemResponseWriter;

import static org.assertj.core.api.Assertions.assertThat;

class LoadSheddingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, JacksonAutoConfiguration.class,
				LoadSheddingAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void loadSheddingIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ConcurrencyLimiter.class)
			.doesNotHaveBean(LoadSheddingReportContributor.class));
	}

	@Test
	void filterIsRegisteredAfterCorsWhenEnabled() {
		this.contextRunner.withPropertyValues("hardening.load-shedding.enabled=true").run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("hardeningLoadSheddingFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getOrder()).isEqualTo(HardeningFilterOrder.LOAD_SHEDDING)
				.isGreaterThan(HardeningFilterOrder.CORS);
			assertThat(context.getBean(ConcurrencyLimiter.class).limit()).isEqualTo(200);
			assertThat(context.getBean(LoadSheddingReportContributor.class).feature()).isEqualTo("load-shedding");
		});
	}

	@Test
	void globalSwitchTurnsItOff() {
		this.contextRunner.withPropertyValues("hardening.enabled=false", "hardening.load-shedding.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ConcurrencyLimiter.class));
	}

	@Test
	void filterBacksOffWhenUserDefinesOne() {
		this.contextRunner.withPropertyValues("hardening.load-shedding.enabled=true")
			.withUserConfiguration(UserFilter.class)
			.run((context) -> assertThat(context).doesNotHaveBean("hardeningLoadSheddingFilter")
				.hasBean("myLoadShedding"));
	}

	@Test
	void zeroLimitFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("hardening.load-shedding.enabled=true", "hardening.load-shedding.max-concurrent-requests=0")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.load-shedding.max-concurrent-requests"));
	}

	@Test
	void queuedCallerGetsTheNextFreePermit() throws Exception {
		ConcurrencyLimiter limiter = new ConcurrencyLimiter(1, 1, Duration.ofSeconds(10));
		assertThat(limiter.tryAcquire()).isTrue();
		Thread releaser = new Thread(() -> {
			org.awaitility.Awaitility.await().until(() -> limiter.inFlight() == 1);
			limiter.release();
		});
		releaser.start();
		assertThat(limiter.tryAcquire()).isTrue();
		releaser.join();
		assertThat(new ConcurrencyLimiter(1, 0, Duration.ZERO)).satisfies((l) -> {
			assertThat(l.tryAcquire()).isTrue();
			assertThat(l.tryAcquire()).isFalse();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilter {

		@Bean
		FilterRegistrationBean<LoadSheddingFilter> myLoadShedding() {
			return new FilterRegistrationBean<>(new LoadSheddingFilter(new ConcurrencyLimiter(1, 0, Duration.ZERO),
					List.of(), new ProblemResponseWriter(new com.fasterxml.jackson.databind.ObjectMapper()), 1,
					new LocalHardeningMetrics().counter("x", "x")));
		}

	}

}
