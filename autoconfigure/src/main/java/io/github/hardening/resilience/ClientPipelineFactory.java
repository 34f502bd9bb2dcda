package io.github.hardening.resilience;

import java.util.concurrent.ExecutorService;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import io.github.hardening.core.HardeningMetrics;

/**
 * Creates pipelines on resilience4j's registries. An instance the user configured under {@code resilience4j.*}
 * with the client's name is used as it is; otherwise one is created from the client's settings.
 */
class ClientPipelineFactory {

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads;

	private final TimeLimiterRegistry timeLimiters;

	private final ExecutorService executor;

	private final HardeningMetrics metrics;

	ClientPipelineFactory(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters,
			ExecutorService executor, HardeningMetrics metrics) {
		this.breakers = breakers;
		this.bulkheads = bulkheads;
		this.timeLimiters = timeLimiters;
		this.executor = executor;
		this.metrics = metrics;
	}

	ClientPipeline create(ClientSettings settings) {
		String name = settings.name();
		CircuitBreaker breaker = this.breakers.find(name)
			.orElseGet(() -> this.breakers.circuitBreaker(name, breakerConfig(settings)));
		Bulkhead bulkhead = this.bulkheads.find(name)
			.orElseGet(() -> this.bulkheads.bulkhead(name, BulkheadConfig.custom()
				.maxConcurrentCalls(settings.maxConcurrentCalls())
				.maxWaitDuration(settings.maxWait())
				.build()));
		TimeLimiter timeLimiter = this.timeLimiters.find(name)
			.orElseGet(() -> this.timeLimiters.timeLimiter(name, TimeLimiterConfig.custom()
				.timeoutDuration(settings.attemptTimeout())
				.cancelRunningFuture(true)
				.build()));
		ClientSettings.RetrySettings retry = settings.retry();
		RetryBudget budget = new RetryBudget(retry.budgetRatio(), retry.budgetMinPerSecond(), retry.budgetWindow(),
				System::nanoTime);
		return new ClientPipeline(settings, new ClientGuards(name, breaker, bulkhead, timeLimiter, this.executor),
				budget, ResilienceCounters.of(this.metrics, name));
	}

	static CircuitBreakerConfig breakerConfig(ClientSettings settings) {
		ClientSettings.BreakerSettings breaker = settings.breaker();
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(breaker.failureRateThreshold())
			.slowCallRateThreshold(breaker.slowCallRateThreshold())
			.slowCallDurationThreshold(breaker.slowCallDuration())
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumCalls())
			.waitDurationInOpenState(breaker.waitInOpen())
			.permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build();
	}

}
