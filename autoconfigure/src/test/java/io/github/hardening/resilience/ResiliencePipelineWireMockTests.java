package io.github.hardening.resilience;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;

import io.github.hardening.core.RequestIds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline against a real HTTP server (WireMock on a random port): retries, Retry-After, idempotency,
 * timeouts, the circuit breaker and the retry budget, counted from WireMock's request journal.
 */
class ResiliencePipelineWireMockTests {

	private static final String FAST_BACKOFF = "hardening.resilience.defaults.retry.initial-backoff=5ms";

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private TestPipelines pipelines;

	@BeforeEach
	void start() {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop();
		if (this.pipelines != null) {
			this.pipelines.close();
		}
		MDC.clear();
	}

	private RestClient client(String... properties) {
		this.pipelines = new TestPipelines(properties);
		return this.pipelines.restClient(this.server.baseUrl());
	}

	private void failTwiceThenSucceed(String path, int failureStatus, String retryAfter) {
		var failure = aResponse().withStatus(failureStatus);
		if (retryAfter != null) {
			failure = failure.withHeader("Retry-After", retryAfter);
		}
		this.server.stubFor(get(path).inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(failure)
			.willSetStateTo("once"));
		this.server.stubFor(get(path).inScenario("flaky").whenScenarioStateIs("once").willReturn(failure)
			.willSetStateTo("twice"));
		this.server.stubFor(get(path).inScenario("flaky").whenScenarioStateIs("twice").willReturn(ok("fine")));
	}

	@Test
	void twoServiceUnavailableAnswersThenSuccessIsOneLogicalSuccess() {
		failTwiceThenSucceed("/flaky", 503, null);
		RestClient client = client(FAST_BACKOFF);
		assertThat(client.get().uri("/flaky").retrieve().body(String.class)).isEqualTo("fine");
		this.server.verify(3, getRequestedFor(urlEqualTo("/flaky")));
		assertThat(this.pipelines.count("hardening.resilience.retries", "localhost")).isEqualTo(2);
	}

	@Test
	void retryAfterInSecondsIsHonoured() {
		failTwiceThenSucceed("/later", 503, "1");
		RestClient client = client(FAST_BACKOFF);
		assertThat(client.get().uri("/later").retrieve().body(String.class)).isEqualTo("fine");
		List<ServeEvent> events = this.server.getAllServeEvents()
			.stream()
			.sorted(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
			.toList();
		assertThat(events).hasSize(3);
		for (int i = 1; i < events.size(); i++) {
			long gap = events.get(i).getRequest().getLoggedDate().getTime()
					- events.get(i - 1).getRequest().getLoggedDate().getTime();
			assertThat(gap).as("gap before attempt %d", i + 1).isGreaterThanOrEqualTo(1000);
		}
	}

	@Test
	void retryAfterAsHttpDateIsHonoured() {
		String inThreeSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3));
		this.server.stubFor(get("/date").inScenario("d").whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", inThreeSeconds)).willSetStateTo("ok"));
		this.server.stubFor(get("/date").inScenario("d").whenScenarioStateIs("ok").willReturn(ok("fine")));
		RestClient client = client(FAST_BACKOFF);
		assertThat(client.get().uri("/date").retrieve().body(String.class)).isEqualTo("fine");
		List<ServeEvent> events = this.server.getAllServeEvents()
			.stream()
			.sorted(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
			.toList();
		assertThat(events).hasSize(2);
		// The date drops the fraction of a second, so the wait is between two and three seconds.
		assertThat(events.get(1).getRequest().getLoggedDate().getTime()
				- events.get(0).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void retryAfterLongerThanTheMaximumEndsTheRetries() {
		failTwiceThenSucceed("/much-later", 503, "120");
		RestClient client = client(FAST_BACKOFF);
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client.get().uri("/much-later").retrieve().body(String.class))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(120)));
		this.server.verify(1, getRequestedFor(urlEqualTo("/much-later")));
	}

	@Test
	void postIsNotRetriedWithoutAnIdempotencyKey() {
		this.server.stubFor(post("/orders").willReturn(status(503)));
		RestClient client = client(FAST_BACKOFF);
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client.post().uri("/orders").body("{}").retrieve().toBodilessEntity())
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		this.server.verify(1, postRequestedFor(urlEqualTo("/orders")));
	}

	@Test
	void postWithAnIdempotencyKeyIsRetriedWithTheSameBody() {
		this.server.stubFor(post("/orders").willReturn(status(503)));
		RestClient client = client(FAST_BACKOFF);
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.post()
			.uri("/orders")
			.header("Idempotency-Key", "k-1")
			.body("{\"item\":1}")
			.retrieve()
			.toBodilessEntity());
		this.server.verify(3, postRequestedFor(urlEqualTo("/orders")).withRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("{\"item\":1}")));
	}

	@Test
	void clientErrorsAreNeitherRetriedNorTurnedIntoUnavailability() {
		this.server.stubFor(get("/missing").willReturn(status(404)));
		RestClient client = client(FAST_BACKOFF);
		assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
			.isThrownBy(() -> client.get().uri("/missing").retrieve().body(String.class));
		this.server.verify(1, getRequestedFor(urlEqualTo("/missing")));
	}

	@Test
	void connectionResetIsRetriedThenReportedAsUnavailable() {
		this.server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		RestClient client = client(FAST_BACKOFF);
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client.get().uri("/reset").retrieve().body(String.class))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3))
			.withCauseInstanceOf(java.io.IOException.class);
		this.server.verify(3, getRequestedFor(urlEqualTo("/reset")));
	}

	@Test
	void slowResponsesHitTheAttemptTimeout() {
		this.server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(2000)));
		RestClient client = client(FAST_BACKOFF, "hardening.resilience.defaults.timeout.attempt=200ms",
				"hardening.resilience.defaults.retry.max-attempts=2");
		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client.get().uri("/slow").retrieve().body(String.class))
			.withCauseInstanceOf(ClientGuards.AttemptTimeoutException.class);
		// Two 200 ms attempts; without the attempt timeout the call would wait out two 2 s responses.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
		this.server.verify(2, getRequestedFor(urlEqualTo("/slow")));
	}

	@Test
	void breakerOpensFailsFastWithoutReachingTheServerThenHalfOpensAndCloses() {
		this.server.stubFor(get("/down").willReturn(status(500)));
		RestClient client = client("hardening.resilience.clients.inventory.hosts=localhost",
				"hardening.resilience.clients.inventory.retry.enabled=false",
				"hardening.resilience.clients.inventory.circuit-breaker.sliding-window-size=4",
				"hardening.resilience.clients.inventory.circuit-breaker.minimum-calls=4",
				"hardening.resilience.clients.inventory.circuit-breaker.wait-in-open=1s",
				"hardening.resilience.clients.inventory.circuit-breaker.half-open-calls=1");
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(HttpServerErrorException.class)
				.isThrownBy(() -> client.get().uri("/down").retrieve().body(String.class));
		}
		assertThatExceptionOfType(CircuitOpenException.class)
			.isThrownBy(() -> client.get().uri("/down").retrieve().body(String.class))
			.satisfies((ex) -> assertThat(ex.getRemainingOpen()).isPositive()
				.isLessThanOrEqualTo(Duration.ofSeconds(1)));
		this.server.verify(4, getRequestedFor(urlEqualTo("/down")));
		this.server.stubFor(get("/down").willReturn(ok("back")));
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptionsInstanceOf(CircuitOpenException.class).untilAsserted(() -> {
			assertThat(client.get().uri("/down").retrieve().body(String.class)).isEqualTo("back");
		});
		assertThat(this.pipelines.breakers.circuitBreaker("inventory").getState())
			.isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
	}

	@Test
	void retriesStopAtOnceWhenTheBreakerIsOpen() {
		this.server.stubFor(get("/dead").willReturn(status(503)));
		RestClient client = client("hardening.resilience.defaults.retry.initial-backoff=5s",
				"hardening.resilience.defaults.retry.max-backoff=5s",
				"hardening.resilience.defaults.retry.max-attempts=5",
				"hardening.resilience.defaults.circuit-breaker.sliding-window-size=1",
				"hardening.resilience.defaults.circuit-breaker.minimum-calls=1");
		long start = System.nanoTime();
		assertThatExceptionOfType(CircuitOpenException.class)
			.isThrownBy(() -> client.get().uri("/dead").retrieve().body(String.class))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
		// The first attempt opens the breaker; the retry loop sees it and ends without sleeping its backoff
		// (a random wait of up to 5 s) and without sending the remaining attempts.
		this.server.verify(1, getRequestedFor(urlEqualTo("/dead")));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void retryBudgetCapsTheAttemptsAgainstADownstreamThatAlwaysFails() {
		this.server.stubFor(get("/always-down").willReturn(status(503)));
		RestClient client = client("hardening.resilience.defaults.retry.initial-backoff=1ms",
				"hardening.resilience.defaults.retry.max-backoff=1ms",
				"hardening.resilience.defaults.retry.budget-ratio=0.2",
				"hardening.resilience.defaults.retry.budget-min-per-second=1",
				"hardening.resilience.defaults.retry.budget-window=10s",
				"hardening.resilience.defaults.circuit-breaker.sliding-window-size=1000",
				"hardening.resilience.defaults.circuit-breaker.minimum-calls=1000");
		int calls = 100;
		for (int i = 0; i < calls; i++) {
			assertThatExceptionOfType(DownstreamUnavailableException.class)
				.isThrownBy(() -> client.get().uri("/always-down").retrieve().body(String.class));
		}
		int attempts = this.server.countRequestsMatching(getRequestedFor(urlEqualTo("/always-down")).build())
			.getCount();
		// Without the budget: 300 attempts. With it: calls x (1 + 20%) + 1/s over a 10 s window.
		assertThat(attempts).isGreaterThan(calls).isLessThanOrEqualTo((int) (calls * 1.2) + 10);
		assertThat(this.pipelines.count("hardening.resilience.budget.exhausted", "localhost")).isPositive();
	}

	@Test
	void currentRequestIdIsSentDownstream() {
		this.server.stubFor(get("/id").willReturn(ok("x")));
		RestClient client = client();
		MDC.put(RequestIds.MDC_KEY, "req-42");
		client.get().uri("/id").retrieve().body(String.class);
		this.server.verify(getRequestedFor(urlEqualTo("/id")).withHeader(RequestIds.HEADER,
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("req-42")));
	}

	@Test
	void optedOutClientPassesCallsThroughUntouched() {
		this.server.stubFor(get("/plain").willReturn(status(503)));
		RestClient client = client("hardening.resilience.clients.legacy.hosts=" + "localhost",
				"hardening.resilience.clients.legacy.enabled=false");
		assertThatExceptionOfType(HttpServerErrorException.ServiceUnavailable.class)
			.isThrownBy(() -> client.get().uri("/plain").retrieve().body(String.class));
		this.server.verify(1, getRequestedFor(urlEqualTo("/plain")));
	}

	@Test
	void clientChosenExplicitlyByRequestAttribute() {
		this.server.stubFor(get("/chosen").willReturn(status(503)));
		RestClient client = client(FAST_BACKOFF, "hardening.resilience.clients.billing.retry.max-attempts=2");
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.get()
			.uri("/chosen")
			.attribute(ClientPipelines.CLIENT_ATTRIBUTE, "billing")
			.retrieve()
			.body(String.class)).satisfies((ex) -> assertThat(ex.getClient()).isEqualTo("billing"));
		this.server.verify(2, getRequestedFor(urlEqualTo("/chosen")));
	}

}
