package io.github.hardening.storage.cleanup;

import java.nio.file.Path;

/**
 * Told of each entry a walk is about to look at, before its attributes are read; lets tests change the tree
 * at a known point of a run (rewrite, delete or swap an entry) on real files.
 */
@FunctionalInterface
interface EntryHook {

	/** Does nothing: the hook of every real run. */
	EntryHook NONE = (entry) -> {
	};

	void beforeEntry(Path entry);

}
