package io.github.hardening.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessRunnerTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<String> failures = new ArrayList<>();

	@AfterEach
	void releaseHungChecks() {
		this.release.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void everyReadyCheckMakesTheRunReady() {
		ReadinessRunner runner = runner(1000, named("a", () -> ReadinessResult.ready(Map.of("x", 1))),
				named("b", () -> ReadinessResult.ready(Map.of())));
		Map<String, ReadinessResult> results = runner.run();
		assertThat(results).containsOnlyKeys("a", "b");
		assertThat(results.values()).allMatch(ReadinessResult::ready);
		assertThat(this.failures).isEmpty();
	}

	@Test
	void hungCheckIsNotReadyAfterTheTimeoutWhileTheOthersAnswer() {
		ReadinessRunner runner = runner(200, named("hung", this::hang),
				named("fine", () -> ReadinessResult.ready(Map.of())));
		Map<String, ReadinessResult> results = runner.run();
		assertThat(results.get("hung").ready()).isFalse();
		assertThat(results.get("hung").details().get("reason").toString()).contains("No answer within 200 ms");
		assertThat(results.get("fine").ready()).isTrue();
		assertThat(this.failures).containsExactly("hung");
	}

	@Test
	void hungCheckIsAwaitedNotStartedAgainUntilItReturns() {
		AtomicInteger started = new AtomicInteger();
		ReadinessRunner runner = runner(100, named("hung", () -> {
			started.incrementAndGet();
			return hang();
		}));
		runner.run();
		ReadinessResult second = runner.run().get("hung");
		assertThat(second.ready()).isFalse();
		assertThat(second.details().get("reason").toString()).contains("No answer within 100 ms");
		assertThat(started).hasValue(1);
		assertThat(runner.lastReady()).isFalse();
	}

	@Test
	void exceptionCountsAsNotReadyWithItsMessage() {
		ReadinessRunner runner = runner(1000, named("broken", () -> {
			throw new IllegalStateException("connection refused");
		}));
		ReadinessResult result = runner.run().get("broken");
		assertThat(result.ready()).isFalse();
		assertThat(result.details().get("reason").toString()).contains("connection refused");
	}

	private ReadinessResult hang() throws InterruptedException {
		this.release.await(30, TimeUnit.SECONDS);
		return ReadinessResult.ready(Map.of());
	}

	private ReadinessRunner runner(long timeoutMillis, ReadinessCheck... checks) {
		return new ReadinessRunner(List.of(checks), timeoutMillis, this.executor, this.failures::add);
	}

	private static ReadinessCheck named(String name, ReadinessCheck check) {
		return new ReadinessCheck() {

			@Override
			public ReadinessResult check() throws Exception {
				return check.check();
			}

			@Override
			public String name() {
				return name;
			}

		};
	}

}
