package io.github.hardening.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The three operations of {@link UrlSignerBenchmark} timed in thread CPU time, interleaved round by round, for a
 * shared machine where JMH's wall-clock figures swing with the neighbours' load: time spent waiting for a core
 * is not counted, and every round measures all three under the same conditions. Prints the median per
 * operation and the ratio the target compares (verify / raw HMAC). JMH on a quiet machine stays the reference.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.hardening.benchmarks.UrlSignerCpuTime [rounds]}
 */
public final class UrlSignerCpuTime {

	private static final int CALLS_PER_ROUND = 20_000;

	private static final int WARM_UP_ROUNDS = 20;

	private UrlSignerCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 80;
		UrlSignerBenchmark benchmark = new UrlSignerBenchmark();
		benchmark.setUp();
		String[] names = { "rawHmac", "verify", "sign" };
		List<Supplier<Object>> operations = List.of(benchmark::rawHmac, benchmark::verify, benchmark::sign);
		List<List<Double>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int sink = 0;
		for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
			for (int k = 0; k < operations.size(); k++) {
				Supplier<Object> operation = operations.get(k);
				long start = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < CALLS_PER_ROUND; i++) {
					sink += (operation.get() == null) ? 1 : 0;
				}
				long elapsed = threads.getCurrentThreadCpuTime() - start;
				if (round >= WARM_UP_ROUNDS) {
					nanos.get(k).add(elapsed / (double) CALLS_PER_ROUND);
				}
			}
		}
		double[] medians = new double[names.length];
		for (int k = 0; k < names.length; k++) {
			List<Double> sorted = nanos.get(k);
			Collections.sort(sorted);
			medians[k] = sorted.get(sorted.size() / 2);
			System.out.printf("%-8s median %6.0f ns  (p25 %6.0f, p75 %6.0f) thread CPU time per call%n", names[k],
					medians[k], sorted.get(sorted.size() / 4), sorted.get(3 * sorted.size() / 4));
		}
		System.out.printf("verify / rawHmac = %.2fx (target <= 2x), sign / rawHmac = %.2fx%s%n",
				medians[1] / medians[0], medians[2] / medians[0], (sink > 0) ? " (a call returned null)" : "");
	}

}
