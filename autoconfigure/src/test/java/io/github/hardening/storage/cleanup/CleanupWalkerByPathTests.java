package io.github.hardening.storage.cleanup;

/**
 * Every walker test again with the age pass by path, the walk used where the file system offers no folder
 * descriptors.
 */
class CleanupWalkerByPathTests extends CleanupWalkerTests {

	@Override
	boolean folderDescriptors() {
		return false;
	}

}
