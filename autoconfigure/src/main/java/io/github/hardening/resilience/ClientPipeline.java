package io.github.hardening.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The pipeline of one client, outermost first: total timeout → retry (with budget) → circuit breaker →
 * bulkhead → attempt timeout. The breaker sits inside the retry so it sees every attempt; an open breaker ends
 * the retries at once instead of waiting out the backoff.
 */
public class ClientPipeline {

	private final ClientSettings settings;

	private final ClientGuards guards;

	private final RetryBudget budget;

	private final ResilienceCounters counters;

	ClientPipeline(ClientSettings settings, ClientGuards guards, RetryBudget budget, ResilienceCounters counters) {
		this.settings = settings;
		this.guards = guards;
		this.budget = budget;
		this.counters = counters;
	}

	/**
	 * Returns the client's settings.
	 * @return the settings
	 */
	public ClientSettings settings() {
		return this.settings;
	}

	CircuitBreaker breaker() {
		return this.guards.breaker();
	}

	Map<String, Object> counts() {
		return Map.of("retries", (long) this.counters.retries().count(), "budget-exhausted",
				(long) this.counters.budgetExhausted().count(), "short-circuited",
				(long) this.counters.shortCircuited().count(), "unavailable", (long) this.counters.unavailable().count());
	}

	/**
	 * Runs one logical call.
	 * @param method the request method, for the idempotency rule
	 * @param headers the request headers, for the Idempotency-Key rule
	 * @param attempt sends the request once and reads the whole response
	 * @return the first response that is not a retryable failure
	 * @throws IOException never for a failure the pipeline handles: those end as
	 * {@link DownstreamUnavailableException}
	 */
	public BufferedResponse execute(HttpMethod method, HttpHeaders headers, Attempt attempt) throws IOException {
		long deadline = System.nanoTime() + this.settings.totalTimeout().toNanos();
		ClientSettings.RetrySettings retry = this.settings.retry();
		boolean methodAllowed = RetryRules.methodAllowed(method, headers, retry.nonIdempotent());
		this.budget.recordCall();
		for (int attempts = 1;; attempts++) {
			BufferedResponse response = null;
			IOException failure = null;
			try {
				response = this.guards.run(attempt, deadline, attempts);
				if (!RetryRules.retryableStatus(response.getStatusCode().value())) {
					return response;
				}
			}
			catch (CircuitOpenException ex) {
				this.counters.shortCircuited().increment();
				throw ex;
			}
			catch (IOException ex) {
				failure = ex;
			}
			Duration retryAfter = (response != null) ? RetryRules.retryAfter(response.getHeaders(), Instant.now()) : null;
			String stop = whyStop(attempts, methodAllowed || RetryRules.neverSent(failure), retryAfter);
			Duration delay = null;
			if (stop == null) {
				delay = (retryAfter != null) ? retryAfter : RetryRules.backoff(attempts, retry);
				if (System.nanoTime() + delay.toNanos() >= deadline) {
					stop = "the total timeout (" + this.settings.totalTimeout() + ") would pass";
				}
				else if (this.guards.isOpen()) {
					// Waiting out a backoff against an open circuit only delays the inevitable answer.
					this.counters.shortCircuited().increment();
					throw new CircuitOpenException(this.settings.name(), this.guards.remainingOpen(), attempts);
				}
				else if (!this.budget.tryRetry()) {
					this.counters.budgetExhausted().increment();
					stop = "the retry budget is exhausted";
				}
			}
			if (stop != null) {
				throw giveUp(response, failure, retryAfter, attempts, stop);
			}
			this.counters.retries().increment();
			sleep(delay);
		}
	}

	private String whyStop(int attempts, boolean retryableRequest, Duration retryAfter) {
		if (!this.settings.retry().enabled() || attempts >= this.settings.retry().maxAttempts()) {
			return "gave up after " + attempts + " attempt(s)";
		}
		if (!retryableRequest) {
			return "the request is not idempotent (no Idempotency-Key)";
		}
		if (retryAfter != null && retryAfter.compareTo(this.settings.retry().maxRetryAfter()) > 0) {
			return "the downstream asked to wait " + retryAfter.getSeconds() + "s, longer than allowed";
		}
		return null;
	}

	private DownstreamUnavailableException giveUp(BufferedResponse response, IOException failure,
			Duration retryAfter, int attempts, String reason) {
		String outcome = (response != null) ? "status " + response.getStatusCode().value()
				: (failure instanceof ClientGuards.AttemptTimeoutException) ? "attempt timeout" : "I/O error";
		Duration wait = (retryAfter != null && retryAfter.getSeconds() >= 1) ? retryAfter : Duration.ofSeconds(1);
		this.counters.unavailable().increment();
		return new DownstreamUnavailableException(this.settings.name(),
				"Call to '" + this.settings.name() + "' failed (" + outcome + "): " + reason, wait, attempts, failure);
	}

	private static void sleep(Duration delay) throws InterruptedIOException {
		try {
			Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted during retry backoff");
		}
	}

	/**
	 * One attempt over the wire.
	 */
	@FunctionalInterface
	public interface Attempt {

		/**
		 * Sends the request and reads the whole response.
		 * @return the response
		 * @throws IOException when the attempt fails
		 */
		BufferedResponse run() throws IOException;

	}

}
