package io.github.hardening.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
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

	private final ExecutorService executor;

	private final ResilienceCounters counters;

	ClientPipeline(ClientSettings settings, ClientGuards guards, RetryBudget budget, ExecutorService executor,
			ResilienceCounters counters) {
		this.settings = settings;
		this.guards = guards;
		this.budget = budget;
		this.executor = executor;
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
				response = guarded(attempt, deadline, attempts);
				if (!RetryRules.retryableStatus(response.getStatusCode().value())) {
					return response;
				}
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
				: (failure instanceof AttemptTimeoutException) ? "attempt timeout" : "I/O error";
		Duration wait = (retryAfter != null && retryAfter.getSeconds() >= 1) ? retryAfter : Duration.ofSeconds(1);
		this.counters.unavailable().increment();
		return new DownstreamUnavailableException(this.settings.name(),
				"Call to '" + this.settings.name() + "' failed (" + outcome + "): " + reason, wait, attempts, failure);
	}

	private BufferedResponse guarded(Attempt attempt, long deadline, int attempts) throws IOException {
		CircuitBreaker breaker = this.guards.breaker();
		if (!breaker.tryAcquirePermission()) {
			this.counters.shortCircuited().increment();
			throw new CircuitOpenException(this.settings.name(), this.guards.remainingOpen(), attempts - 1);
		}
		try {
			this.guards.bulkhead().acquirePermission();
		}
		catch (BulkheadFullException ex) {
			breaker.releasePermission();
			throw new DownstreamUnavailableException(this.settings.name(),
					"Too many concurrent calls to '" + this.settings.name() + "'", Duration.ofSeconds(1), attempts - 1, ex);
		}
		long start = breaker.getCurrentTimestamp();
		try {
			BufferedResponse response = timed(attempt, deadline);
			long took = breaker.getCurrentTimestamp() - start;
			int status = response.getStatusCode().value();
			if (RetryRules.failureStatus(status)) {
				breaker.onError(took, breaker.getTimestampUnit(), new DownstreamStatusException(status));
			}
			else {
				breaker.onSuccess(took, breaker.getTimestampUnit());
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), ex);
			throw ex;
		}
		finally {
			this.guards.bulkhead().onComplete();
		}
	}

	private BufferedResponse timed(Attempt attempt, long deadline) throws IOException {
		long timeout = Math.min(this.guards.timeLimiter().getTimeLimiterConfig().getTimeoutDuration().toNanos(),
				deadline - System.nanoTime());
		if (timeout <= 0) {
			throw new AttemptTimeoutException("No time left for an attempt within the total timeout");
		}
		Future<BufferedResponse> future = this.executor.submit(attempt::run);
		try {
			BufferedResponse response = future.get(timeout, TimeUnit.NANOSECONDS);
			this.guards.timeLimiter().onSuccess();
			return response;
		}
		catch (TimeoutException ex) {
			// Interrupting stops a worker blocked on an interruptible read; otherwise it ends at the socket timeout.
			future.cancel(true);
			AttemptTimeoutException timeoutException = new AttemptTimeoutException(
					"Attempt took longer than " + Duration.ofNanos(timeout));
			this.guards.timeLimiter().onError(timeoutException);
			throw timeoutException;
		}
		catch (ExecutionException ex) {
			this.guards.timeLimiter().onError(ex.getCause());
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException(ex.getCause());
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for the downstream");
		}
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

	/**
	 * An attempt took longer than the attempt timeout (or the time left of the total timeout).
	 */
	static class AttemptTimeoutException extends InterruptedIOException {

		private static final long serialVersionUID = 1L;

		AttemptTimeoutException(String message) {
			super(message);
		}

	}

	/**
	 * Records a 5xx answer as a failure in the circuit breaker.
	 */
	static class DownstreamStatusException extends IOException {

		private static final long serialVersionUID = 1L;

		DownstreamStatusException(int status) {
			super("Downstream answered " + status);
		}

	}

}
