package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.hardening.test.Undeletable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The walker on real files under a temporary folder, aged by setting their modification times.
 */
class CleanupWalkerTests {

	private static final Duration DAY = Duration.ofDays(1);

	@TempDir
	Path temp;

	private Path root;

	/** Whether the walkers under test use folder descriptors; {@link CleanupWalkerByPathTests} says no. */
	boolean folderDescriptors() {
		return true;
	}

	CleanupWalker walker(Clock clock, FreeSpaceSource freeSpace, EntryHook hook) {
		return new CleanupWalker(clock, freeSpace, folderDescriptors(), hook);
	}

	private CleanupWalker walker(Clock clock, FreeSpaceSource freeSpace) {
		return walker(clock, freeSpace, EntryHook.NONE);
	}

	private Path root() throws IOException {
		if (this.root == null) {
			this.root = Files.createDirectories(this.temp.resolve("root")).toRealPath();
		}
		return this.root;
	}

	@Test
	void onLinuxTheAgePassCanUseFolderDescriptors() throws IOException {
		assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(root())) {
			assertThat(stream).isInstanceOf(SecureDirectoryStream.class);
		}
	}

	@Test
	void oldFilesGoYoungFilesAndExcludedGlobsStay() throws IOException {
		Path old = file("old.txt", 10, Duration.ofDays(3));
		Path young = file("young.txt", 10, Duration.ofHours(1));
		Path kept = file("old.keep", 10, Duration.ofDays(3));
		CleanupReport report = run(rule(List.of(), List.of("*.keep"), 1, -1), false);
		assertThat(old).doesNotExist();
		assertThat(young).exists();
		assertThat(kept).exists();
		assertThat(report.filesDeleted()).isEqualTo(1);
		assertThat(report.bytesDeleted()).isEqualTo(10);
		assertThat(report.deleted()).containsExactly("old.txt");
		assertThat(report.failures()).isZero();
	}

	@Test
	void onlyIncludedFilesAtOrBelowTheMinimumDepthGo() throws IOException {
		Path shallow = file("shallow.tmp", 1, Duration.ofDays(3));
		Path deep = file("a/deep.tmp", 1, Duration.ofDays(3));
		Path other = file("a/deep.log", 1, Duration.ofDays(3));
		run(rule(List.of("*.tmp"), List.of(), 2, -1), false);
		assertThat(shallow).exists();
		assertThat(deep).doesNotExist();
		assertThat(other).exists();
	}

	@Test
	void emptyFoldersGoButNeverTheRulesFolder() throws IOException {
		file("a/b/old.txt", 1, Duration.ofDays(3));
		Files.createDirectories(root().resolve("empty"));
		Path young = file("c/young.txt", 1, Duration.ofMinutes(1));
		CleanupReport report = run(rule(List.of(), List.of(), 1, -1), false);
		assertThat(root().resolve("a")).doesNotExist();
		assertThat(root().resolve("empty")).doesNotExist();
		assertThat(young).exists();
		assertThat(root()).isDirectory();
		assertThat(report.directoriesDeleted()).isEqualTo(3);
		file("x/old.txt", 1, Duration.ofDays(3));
		run(rule(List.of(), List.of(), 1, -1), false);
		assertThat(root()).isDirectory();
		assertThat(root().resolve("x")).doesNotExist();
	}

	@Test
	void quotaDeletesTheOldestFilesFirst() throws IOException {
		for (int i = 1; i <= 5; i++) {
			file("f" + i + ".bin", 100, Duration.ofMinutes(10L * i));
		}
		CleanupReport report = run(rule(List.of(), List.of(), 1, 250), false);
		assertThat(report.deleted()).containsExactly("f5.bin", "f4.bin", "f3.bin");
		assertThat(root().resolve("f1.bin")).exists();
		assertThat(root().resolve("f2.bin")).exists();
	}

	@Test
	void aLinkToAnOutsideFolderOfOldFilesLeavesTheOutsideUntouched() throws IOException {
		Path outside = Files.createDirectories(this.temp.resolve("outside"));
		Path victim = Files.writeString(outside.resolve("precious.txt"), "x");
		Files.setLastModifiedTime(victim, ago(Duration.ofDays(30)));
		Path dirLink = Files.createSymbolicLink(root().resolve("escape"), outside);
		Path fileLink = Files.createSymbolicLink(root().resolve("file-link"), victim);
		Files.setLastModifiedTime(outside, ago(Duration.ofDays(30)));
		CleanupReport report = run(rule(List.of(), List.of(), 1, 0), false);
		assertThat(victim).exists();
		assertThat(dirLink).isSymbolicLink();
		assertThat(fileLink).isSymbolicLink();
		assertThat(report.filesDeleted()).isZero();
	}

	@Test
	void aFileRewrittenDuringTheScanSurvives() throws IOException {
		Path victim = file("busy.log", 10, Duration.ofDays(3));
		CleanupWalker touching = walker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES, once(victim::equals, () -> {
			Files.writeString(victim, "rewritten");
			Files.setLastModifiedTime(victim, FileTime.from(Instant.now()));
		}));
		CleanupReport report = touching.run(rule(List.of(), List.of(), 1, -1), false, false, Duration.ofMinutes(1));
		assertThat(victim).hasContent("rewritten");
		assertThat(report.filesDeleted()).isZero();
	}

	@Test
	void aFolderSwappedForALinkDuringTheScanLeavesTheOutsideUntouched() throws IOException {
		file("sub/a.log", 10, Duration.ofDays(3));
		file("sub/b.log", 10, Duration.ofDays(3));
		Path outside = Files.createDirectories(this.temp.resolve("outside"));
		Path outsideA = Files.writeString(outside.resolve("a.log"), "precious");
		Path outsideB = Files.writeString(outside.resolve("b.log"), "precious");
		Files.setLastModifiedTime(outsideA, ago(Duration.ofDays(30)));
		Files.setLastModifiedTime(outsideB, ago(Duration.ofDays(30)));
		Path sub = root().resolve("sub");
		// at the first file in sub, after the walk went into it
		CleanupWalker swapping = walker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES, once((entry) -> sub.equals(entry.getParent()), () -> {
			Files.move(sub, this.temp.resolve("moved"));
			Files.createSymbolicLink(sub, outside);
		}));
		CleanupReport report = swapping.run(rule(List.of(), List.of(), 1, -1), false, false, Duration.ofMinutes(1));
		assertThat(outsideA).hasContent("precious");
		assertThat(outsideB).hasContent("precious");
		assertThat(report.filesDeleted()).isZero();
		assertThat(report.failures()).isPositive();
	}

	@Test
	void aFileThatVanishesDuringTheScanIsNotAnError() throws IOException {
		Path victim = file("gone.log", 10, Duration.ofDays(3));
		CleanupWalker deleting = walker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES,
				once(victim::equals, () -> Files.deleteIfExists(victim)));
		CleanupReport report = deleting.run(rule(List.of(), List.of(), 1, -1), false, false, Duration.ofMinutes(1));
		assertThat(report.failures()).isZero();
		assertThat(report.filesDeleted()).isZero();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aFileThatCannotBeDeletedIsCountedAndReportedAtEachRunLoggedOnceAndTheRunGoesOn(CapturedOutput output)
			throws IOException {
		Path stuck = file("a/stuck.log", 10, Duration.ofDays(3));
		Path other = file("b/other.log", 10, Duration.ofDays(3));
		Path another = file("c/d/another.log", 10, Duration.ofDays(3));
		CleanupWalker walker = walker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES);
		CleanupRule rule = rule(List.of(), List.of(), 1, -1);
		CleanupReport first;
		CleanupReport second;
		String error;
		try (Undeletable undeletable = Undeletable.make(stuck)) {
			error = undeletable.deleteError();
			first = walker.run(rule, false, false, Duration.ofMinutes(1));
			second = walker.run(rule, false, false, Duration.ofMinutes(1));
		}
		assertThat(stuck).exists();
		assertThat(other).doesNotExist();
		assertThat(another).doesNotExist();
		assertThat(first.filesDeleted()).isEqualTo(2);
		for (CleanupReport report : List.of(first, second)) {
			assertThat(report.failures()).isEqualTo(1);
			assertThat(report.errors()).singleElement(InstanceOfAssertFactories.STRING)
				.isEqualTo(error + " in " + stuck.getParent());
		}
		String logged = "could not handle " + stuck + ": " + error;
		assertThat(output.getAll().split(java.util.regex.Pattern.quote(logged), -1)).hasSize(2);
	}

	@Test
	void dryRunDeletesNothingAndReportsExactlyWhatARealRunThenDeletes() throws IOException {
		for (int i = 0; i < 20; i++) {
			file("d" + (i % 3) + "/f" + i + ".dat", 50, Duration.ofHours(6L * i));
		}
		CleanupRule rule = rule(List.of(), List.of("*7.dat"), 1, 400);
		CleanupReport dry = run(rule, true);
		try (Stream<Path> files = Files.walk(root())) {
			assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(20);
		}
		CleanupReport real = run(rule, false);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.filesDeleted()).isPositive();
		assertThat(real.deleted()).containsExactlyInAnyOrderElementsOf(dry.deleted());
		assertThat(real.bytesDeleted()).isEqualTo(dry.bytesDeleted());
	}

	@Test
	void aPressureRunDeletesOldestFirstAndStopsOnceAboveTheThreshold() throws IOException {
		for (int i = 1; i <= 10; i++) {
			file("p" + i + ".bin", 1000, Duration.ofHours(i));
		}
		FreeSpaceSource fake = new FreeSpaceSource() {

			@Override
			public long usableBytes(Path folder) throws IOException {
				return 10_000 - folderSize(folder);
			}

			@Override
			public long totalBytes(Path folder) {
				return 10_000;
			}

		};
		CleanupWalker pressured = walker(Clock.systemUTC(), fake);
		CleanupRule rule = new CleanupRule("t", root(), new CleanupRule.Selection(List.of(), List.of(), 1, AgeBy.MODIFIED),
				new CleanupRule.Retention(Duration.ofDays(30), -1, true, FreeSpaceThreshold.parse("35%"),
						Duration.ofMinutes(30)));
		assertThat(pressured.underPressure(rule)).isTrue();
		CleanupReport report = pressured.run(rule, false, true, Duration.ofMinutes(1));
		assertThat(report.deleted()).containsExactly("p10.bin", "p9.bin", "p8.bin", "p7.bin");
		assertThat(pressured.underPressure(rule)).isFalse();
		assertThat(report.pressure()).isTrue();
	}

	@Test
	void aRunPastItsMaximumTimeStopsAndSaysItWasCutShort() throws IOException {
		for (int i = 0; i < 50; i++) {
			file("f" + i, 1, Duration.ofDays(3));
		}
		AtomicInteger ticks = new AtomicInteger();
		Instant start = Instant.now();
		Clock slow = new Clock() {

			@Override
			public Instant instant() {
				return start.plusSeconds(ticks.getAndIncrement());
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

		};
		CleanupReport report = walker(slow, FreeSpaceSource.FILE_STORES)
			.run(rule(List.of(), List.of(), 1, -1), false, false, Duration.ofSeconds(10));
		assertThat(report.cutShort()).isTrue();
		assertThat(report.filesDeleted()).isBetween(1L, 49L);
	}

	private CleanupReport run(CleanupRule rule, boolean dryRun) {
		return walker(Clock.systemUTC(), FreeSpaceSource.FILE_STORES).run(rule, dryRun, false, Duration.ofMinutes(1));
	}

	private CleanupRule rule(List<String> include, List<String> exclude, int minDepth, long quota) throws IOException {
		return new CleanupRule("test", root(), new CleanupRule.Selection(include, exclude, minDepth, AgeBy.MODIFIED),
				new CleanupRule.Retention(DAY, quota, true, null, Duration.ofHours(1)));
	}

	private Path file(String relative, int size, Duration age) throws IOException {
		Path file = root().resolve(relative);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[size]);
		Files.setLastModifiedTime(file, ago(age));
		return file;
	}

	private static FileTime ago(Duration age) {
		return FileTime.from(Instant.now().minus(age));
	}

	private static long folderSize(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((f) -> f.toFile().length()).sum();
		}
	}

	/** A hook that runs an action once, before the walk looks at the first entry that matches. */
	private static EntryHook once(Predicate<Path> when, IoAction action) {
		AtomicBoolean done = new AtomicBoolean();
		return (entry) -> {
			if (when.test(entry) && done.compareAndSet(false, true)) {
				try {
					action.run();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		};
	}

	private interface IoAction {

		void run() throws IOException;

	}

}
