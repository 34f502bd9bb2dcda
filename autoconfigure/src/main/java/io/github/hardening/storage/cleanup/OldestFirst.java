package io.github.hardening.storage.cleanup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Deletes candidate files oldest first until a goal is met (under the size quota, above the free-space
 * threshold). Each round walks the folder keeping only the {@value #BATCH} oldest candidates in a bounded
 * heap, so memory stays flat however many files there are; a further round runs only when a whole batch was
 * used up without meeting the goal.
 */
final class OldestFirst {

	static final int BATCH = 10_000;

	private record Candidate(Path path, FileTime time, long size) {
	}

	private final FileSelector selector;

	private final SafeDeleter deleter;

	private final CleanupTally tally;

	private final AgeBy ageBy;

	private final BiConsumer<Path, IOException> failures;

	OldestFirst(FileSelector selector, SafeDeleter deleter, CleanupTally tally, AgeBy ageBy,
			BiConsumer<Path, IOException> failures) {
		this.selector = selector;
		this.deleter = deleter;
		this.tally = tally;
		this.ageBy = ageBy;
		this.failures = failures;
	}

	/**
	 * Runs rounds until the goal is met, time is up or no candidate is left.
	 * @param candidate which files may go, by their attributes
	 * @param done whether the goal is met
	 * @param onDeleted told the size of each deleted file
	 */
	void run(Predicate<BasicFileAttributes> candidate, BooleanSupplier done, java.util.function.LongConsumer onDeleted)
			throws IOException {
		boolean more = true;
		while (more && !done.getAsBoolean() && !this.tally.outOfTime()) {
			List<Candidate> batch = oldest(candidate);
			for (Candidate next : batch) {
				if (done.getAsBoolean() || this.tally.outOfTime()) {
					return;
				}
				// only if untouched since the scan: a file rewritten meanwhile is young again
				SafeDeleter.Outcome outcome = this.deleter.deleteFile(next.path(),
						(now) -> this.ageBy.of(now).equals(next.time()) && candidate.test(now));
				if (outcome == SafeDeleter.Outcome.DELETED) {
					onDeleted.accept(next.size());
				}
			}
			// a dry run deletes nothing, so a second round would find the same files again
			more = batch.size() == BATCH && !this.tally.dryRun();
		}
	}

	private List<Candidate> oldest(Predicate<BasicFileAttributes> candidate) throws IOException {
		Comparator<Candidate> byAge = Comparator.comparing(Candidate::time);
		PriorityQueue<Candidate> youngestOnTop = new PriorityQueue<>(byAge.reversed());
		Files.walkFileTree(this.selector.root(), EnumSet.noneOf(java.nio.file.FileVisitOption.class),
				Integer.MAX_VALUE, new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
						if (OldestFirst.this.tally.outOfTime()) {
							return FileVisitResult.TERMINATE;
						}
						return OldestFirst.this.selector.entersDirectory(dir) ? FileVisitResult.CONTINUE
								: FileVisitResult.SKIP_SUBTREE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
						if (OldestFirst.this.selector.selects(file, attrs) && candidate.test(attrs)) {
							youngestOnTop.add(new Candidate(file, OldestFirst.this.ageBy.of(attrs), attrs.size()));
							if (youngestOnTop.size() > BATCH) {
								youngestOnTop.poll();
							}
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException exc) {
						if (!(exc instanceof NoSuchFileException)) {
							OldestFirst.this.failures.accept(file, exc);
						}
						return FileVisitResult.CONTINUE;
					}

				});
		List<Candidate> batch = new ArrayList<>(youngestOnTop);
		batch.sort(byAge);
		return batch;
	}

}
