package io.github.hardening.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * The resilience4j instances of one client, taken from the registries so that their actuator endpoints, events
 * and metrics work as usual, and the moment its breaker last opened.
 */
final class ClientGuards {

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final TimeLimiter timeLimiter;

	private final AtomicLong openedAtNanos = new AtomicLong(System.nanoTime());

	ClientGuards(CircuitBreaker breaker, Bulkhead bulkhead, TimeLimiter timeLimiter) {
		this.breaker = breaker;
		this.bulkhead = bulkhead;
		this.timeLimiter = timeLimiter;
		breaker.getEventPublisher().onStateTransition((event) -> {
			if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
				this.openedAtNanos.set(System.nanoTime());
			}
		});
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	Bulkhead bulkhead() {
		return this.bulkhead;
	}

	TimeLimiter timeLimiter() {
		return this.timeLimiter;
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

}
