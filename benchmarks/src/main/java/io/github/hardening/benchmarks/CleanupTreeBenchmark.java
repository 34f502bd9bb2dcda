package io.github.hardening.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.hardening.storage.cleanup.AgeBy;
import io.github.hardening.storage.cleanup.CleanupReport;
import io.github.hardening.storage.cleanup.CleanupRule;
import io.github.hardening.storage.cleanup.CleanupWalker;
import io.github.hardening.storage.cleanup.FreeSpaceSource;

/**
 * The storage cleanup over a large tree, for {@code benchmarks/cleanup/cleanup-bench.sh}: {@code make DIR N}
 * writes N empty files in nested folders, every other one two days old; {@code run DIR} runs a rule with a
 * one-day maximum age over it and prints the files deleted, the time taken and the heap used; {@code run DIR
 * WARMUP_DIR} first runs over the other tree, untimed, so that the timed run is a warm one.
 */
public final class CleanupTreeBenchmark {

	private CleanupTreeBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[1]);
		if (args[0].equals("make")) {
			make(dir, Integer.parseInt(args[2]));
			return;
		}
		CleanupWalker walker = new CleanupWalker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES);
		if (args.length > 2) {
			// a first run over another tree, so that the timed run below finds its code compiled, as the
			// second and later runs in a long-lived application do
			walker.run(rule(Path.of(args[2])), false, false, Duration.ofHours(1));
		}
		CleanupRule rule = rule(dir);
		long start = System.nanoTime();
		CleanupReport report = walker.run(rule, false, false, Duration.ofHours(1));
		long millis = (System.nanoTime() - start) / 1_000_000;
		long usedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
		System.out.printf("deleted=%d failures=%d cutShort=%s walker_ms=%d heap_used_mb=%d max_heap_mb=%d%n",
				report.filesDeleted(), report.failures(), report.cutShort(), millis, usedMb,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static CleanupRule rule(Path dir) throws IOException {
		return new CleanupRule("bench", dir.toRealPath(), new CleanupRule.Selection(List.of(), List.of(), 1, AgeBy.MODIFIED),
				new CleanupRule.Retention(Duration.ofDays(1), -1, true, null, Duration.ofHours(1)));
	}

	private static void make(Path dir, int files) throws IOException {
		FileTime old = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
		int perFolder = 1000;
		for (int i = 0; i < files; i++) {
			int folder = i / perFolder;
			Path parent = dir.resolve("a" + (folder / 100)).resolve("b" + (folder % 100));
			if (i % perFolder == 0) {
				Files.createDirectories(parent);
			}
			Path file = Files.createFile(parent.resolve("f" + i));
			if (i % 2 == 0) {
				Files.setLastModifiedTime(file, old);
			}
		}
	}

}
