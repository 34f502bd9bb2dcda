package io.github.hardening.resilience;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import io.github.hardening.core.AuditFinding;
import io.github.hardening.core.HardeningAutoConfiguration;
import io.github.hardening.core.HardeningReportContributor;
import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.StartupAuditException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class ResilienceAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningAutoConfiguration.class, ResilienceAutoConfiguration.class,
				JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
				BulkheadAutoConfiguration.class, TimeLimiterAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.probes.enabled=true");

	@Test
	void pipelineReportProblemHandlerAndReadinessCheckAreCreated() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ClientPipelines.class)
				.hasSingleBean(ResilienceProblemHandler.class)
				.hasBean("resilienceRestClientCustomizer")
				.hasBean("resilienceRestTemplateCustomizer")
				.hasBean("resilienceReadinessCheck");
			assertThat(context.getBeansOfType(HardeningReportContributor.class).values())
				.anyMatch((c) -> c.feature().equals("resilience"));
		});
	}

	@Test
	void featureBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("hardening.resilience.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientPipelines.class)
				.doesNotHaveBean("resilienceRestClientCustomizer"));
		this.contextRunner.withPropertyValues("hardening.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClientPipelines.class));
	}

	@Test
	void pipelinesBackOffWhenUserDefinesThem() {
		this.contextRunner.withUserConfiguration(UserPipelines.class)
			.run((context) -> assertThat(context.getBean(ClientPipelines.class)).isSameAs(context.getBean("myPipelines")));
	}

	@Test
	void attemptTimeoutLongerThanTotalFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.resilience.clients.inventory.timeout.attempt=20s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("hardening.resilience.clients.inventory.timeout.attempt"));
	}

	@Test
	void budgetRatioOutOfRangeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.resilience.defaults.retry.budget-ratio=2")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.resilience.defaults.retry.budget-ratio"));
	}

	@Test
	void malformedHostFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("hardening.resilience.clients.inventory.hosts=api.example.com/v1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("hardening.resilience.clients.inventory.hosts[0]"));
	}

	@Test
	void strictModeRefusesBlindRetriesOfPost() {
		this.contextRunner
			.withPropertyValues("hardening.mode=strict", "hardening.resilience.clients.orders.retry.non-idempotent=true")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOfSatisfying(StartupAuditException.class,
					(ex) -> assertThat(ex.getFindings()).extracting(AuditFinding::property)
						.contains("hardening.resilience.clients.orders.retry.non-idempotent")));
	}

	@Test
	void breakerConfiguredUnderResilience4jWins() {
		this.contextRunner
			.withPropertyValues("hardening.resilience.clients.inventory.hosts=inventory.internal",
					"resilience4j.circuitbreaker.instances.inventory.failure-rate-threshold=77")
			.run((context) -> {
				ClientPipeline pipeline = context.getBean(ClientPipelines.class).clients().get("inventory");
				assertThat(pipeline.breaker().getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(77f);
				assertThat(context.getBean(CircuitBreakerRegistry.class).find("inventory")).containsSame(pipeline.breaker());
			});
	}

	@Test
	void openBreakerOfACriticalClientMakesTheInstanceNotReady() {
		this.contextRunner
			.withPropertyValues("hardening.resilience.clients.payments.hosts=payments.internal",
					"hardening.resilience.clients.payments.critical=true",
					"hardening.resilience.clients.search.hosts=search.internal")
			.run((context) -> {
				ReadinessCheck check = context.getBean("resilienceReadinessCheck", ReadinessCheck.class);
				CircuitBreakerRegistry breakers = context.getBean(CircuitBreakerRegistry.class);
				assertThat(check.check().ready()).isTrue();
				breakers.circuitBreaker("search").transitionToOpenState();
				assertThat(check.check().ready()).as("a non-critical breaker does not matter").isTrue();
				breakers.circuitBreaker("payments").transitionToOpenState();
				assertThat(check.check().ready()).isFalse();
				assertThat(check.check().details().get("reason").toString()).contains("payments");
				breakers.circuitBreaker("payments").transitionToHalfOpenState();
				assertThat(check.check().ready()).isTrue();
				assertThat(breakers.circuitBreaker("payments").getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
			});
	}

	@Test
	void restClientAndRestTemplateFromBootsBuildersRetry() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		try {
			server.stubFor(get("/x").inScenario("s").whenScenarioStateIs(STARTED)
				.willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
			server.stubFor(get("/x").inScenario("s").whenScenarioStateIs("ok").willReturn(ok("fine")).willSetStateTo(STARTED));
			this.contextRunner.withPropertyValues("hardening.resilience.defaults.retry.initial-backoff=5ms").run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).baseUrl(server.baseUrl()).build();
				assertThat(client.get().uri("/x").retrieve().body(String.class)).isEqualTo("fine");
				var template = context.getBean(RestTemplateBuilder.class).rootUri(server.baseUrl()).build();
				assertThat(template.getInterceptors()).last().isInstanceOf(ResilienceInterceptor.class);
				assertThat(template.getForObject("/x", String.class)).isEqualTo("fine");
			});
			server.verify(4, getRequestedFor(urlEqualTo("/x")));
		}
		finally {
			server.stop();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserPipelines {

		@Bean
		ClientPipelines myPipelines() {
			return new ClientPipelines(List.of(), (host) -> {
				throw new IllegalStateException("not used");
			});
		}

	}

}
