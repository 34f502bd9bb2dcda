package io.github.hardening.resilience;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * The inner layers of one client's pipeline (circuit breaker, bulkhead, attempt timeout) on resilience4j
 * instances taken from the registries, so that their actuator endpoints, events and metrics work as usual.
 */
final class ClientGuards {

	private final String name;

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor;

	private final AtomicLong openedAtNanos = new AtomicLong(System.nanoTime());

	ClientGuards(String name, CircuitBreaker breaker, Bulkhead bulkhead, TimeLimiter timeLimiter,
			ExecutorService executor) {
		this.name = name;
		this.breaker = breaker;
		this.bulkhead = bulkhead;
		this.timeLimiter = timeLimiter;
		this.executor = executor;
		breaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				this.openedAtNanos.set(System.nanoTime());
			}
		});
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	/**
	 * Time until the open breaker lets probe calls through; at least one second, as Retry-After counts seconds.
	 */
	Duration remainingOpen() {
		long waitMillis = this.breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		long elapsedMillis = (System.nanoTime() - this.openedAtNanos.get()) / 1_000_000;
		return Duration.ofMillis(Math.max(1000, waitMillis - elapsedMillis));
	}

	boolean isOpen() {
		CircuitBreaker.State state = this.breaker.getState();
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

	/**
	 * Runs one attempt under the breaker, the bulkhead and the attempt timeout.
	 * @param attempts number of this attempt, for the exceptions
	 */
	BufferedResponse run(ClientPipeline.Attempt attempt, long deadline, int attempts) throws IOException {
		CircuitBreaker breaker = this.breaker;
		if (!breaker.tryAcquirePermission()) {
			throw new CircuitOpenException(this.name, remainingOpen(), attempts - 1);
		}
		try {
			this.bulkhead.acquirePermission();
		}
		catch (BulkheadFullException ex) {
			breaker.releasePermission();
			throw new DownstreamUnavailableException(this.name,
					"Too many concurrent calls to '" + this.name + "'", Duration.ofSeconds(1), attempts - 1, ex);
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
			this.bulkhead.onComplete();
		}
	}

	private BufferedResponse timed(ClientPipeline.Attempt attempt, long deadline) throws IOException {
		long timeout = Math.min(this.timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toNanos(),
				deadline - System.nanoTime());
		if (timeout <= 0) {
			throw new AttemptTimeoutException("No time left for an attempt within the total timeout");
		}
		Future<BufferedResponse> future = this.executor.submit(attempt::run);
		try {
			BufferedResponse response = future.get(timeout, TimeUnit.NANOSECONDS);
			this.timeLimiter.onSuccess();
			return response;
		}
		catch (TimeoutException ex) {
			// Interrupting stops a worker blocked on an interruptible read; otherwise it ends at the socket timeout.
			future.cancel(true);
			AttemptTimeoutException timeoutException = new AttemptTimeoutException(
					"Attempt took longer than " + Duration.ofNanos(timeout));
			this.timeLimiter.onError(timeoutException);
			throw timeoutException;
		}
		catch (ExecutionException ex) {
			this.timeLimiter.onError(ex.getCause());
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
