package io.github.hardening.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.github.hardening.core.ReadinessCheck;
import io.github.hardening.core.ReadinessResult;

/**
 * Runs every {@link ReadinessCheck} in parallel, each bounded by one timeout, so that a hung dependency
 * makes the instance unready instead of hanging the probe. A check still running from an earlier or a
 * concurrent probe is not started again but awaited, which keeps hung calls from piling up threads.
 */
public class ReadinessRunner implements AutoCloseable {

	private final List<ReadinessCheck> checks;

	private final long timeoutMillis;

	private final Executor executor;

	private final Consumer<String> onFailure;

	private final Map<String, CompletableFuture<ReadinessResult>> inFlight = new ConcurrentHashMap<>();

	private volatile Boolean lastReady;

	/**
	 * Creates the runner.
	 * @param checks the checks, names unique
	 * @param timeoutMillis how long all checks together may take
	 * @param executor runs the checks; should not bound the number of threads tightly
	 * @param onFailure told the name of each check that is not ready
	 */
	public ReadinessRunner(List<ReadinessCheck> checks, long timeoutMillis, Executor executor,
			Consumer<String> onFailure) {
		this.checks = List.copyOf(checks);
		this.timeoutMillis = timeoutMillis;
		this.executor = executor;
		this.onFailure = onFailure;
	}

	/**
	 * Runs every check once.
	 * @return each check's result by name, in registration order
	 */
	public Map<String, ReadinessResult> run() {
		Map<String, CompletableFuture<ReadinessResult>> futures = new LinkedHashMap<>();
		for (ReadinessCheck check : this.checks) {
			futures.put(check.name(), start(check));
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		Map<String, ReadinessResult> results = new LinkedHashMap<>();
		futures.forEach((name, future) -> {
			ReadinessResult result = await(future, deadline);
			if (!result.ready()) {
				this.onFailure.accept(name);
			}
			results.put(name, result);
		});
		this.lastReady = results.values().stream().allMatch(ReadinessResult::ready);
		return results;
	}

	/**
	 * Tells whether every check was ready at the last run.
	 * @return the outcome of the last run, or {@code null} before the first
	 */
	public Boolean lastReady() {
		return this.lastReady;
	}

	/**
	 * Returns the names of the checks this runner runs.
	 * @return the names
	 */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		this.checks.forEach((check) -> names.add(check.name()));
		return names;
	}

	/**
	 * Stops the executor when this runner owns one, abandoning checks that still hang.
	 */
	@Override
	public void close() {
		if (this.executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	private CompletableFuture<ReadinessResult> start(ReadinessCheck check) {
		// A check still running (hung, or started by a concurrent probe) is awaited, not started again.
		return this.inFlight.compute(check.name(),
				(name, running) -> (running != null && !running.isDone()) ? running : submit(check));
	}

	private CompletableFuture<ReadinessResult> submit(ReadinessCheck check) {
		try {
			return CompletableFuture.supplyAsync(() -> {
				try {
					return check.check();
				}
				catch (Exception ex) {
					return ReadinessResult.notReady(ex.getClass().getSimpleName() + ": " + ex.getMessage());
				}
			}, this.executor);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(ReadinessResult.notReady("Could not start: " + ex.getMessage()));
		}
	}

	private ReadinessResult await(CompletableFuture<ReadinessResult> future, long deadline) {
		long remaining = Math.max(0, deadline - System.nanoTime());
		try {
			ReadinessResult result = future.get(remaining, TimeUnit.NANOSECONDS);
			return (result != null) ? result : ReadinessResult.notReady("The check returned no result");
		}
		catch (TimeoutException ex) {
			return ReadinessResult.notReady("No answer within " + this.timeoutMillis + " ms");
		}
		catch (ExecutionException ex) {
			return ReadinessResult.notReady(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadinessResult.notReady("Interrupted");
		}
	}

}
