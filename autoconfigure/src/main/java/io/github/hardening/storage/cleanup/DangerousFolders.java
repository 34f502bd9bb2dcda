package io.github.hardening.storage.cleanup;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folders no cleanup rule may point at: the file-system root, the user's home, the working folder (or a
 * folder holding one of them), and system folders (or, for the ones nothing should write to, anything in
 * them).
 */
final class DangerousFolders {

	/** System folders that are refused themselves; a folder inside them (e.g. /var/lib/app/tmp) is fine. */
	private static final Set<String> SYSTEM = Set.of("/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32",
			"/lib64", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/usr", "/var", "/var/lib",
			"/var/log", "/var/tmp", "/var/cache", "/var/spool", "/tmp", "/mnt", "/media", "/snap", "/Users",
			"/Applications", "/System", "/Library", "/private", "/private/tmp", "/private/var");

	/** System folders that nothing should clean inside either. */
	private static final List<String> SYSTEM_TREES = List.of("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32",
			"/lib64", "/proc", "/sbin", "/sys", "/usr", "/System");

	private final Path home;

	private final Path workingFolder;

	/**
	 * Creates the check.
	 * @param home the user's home folder, real path
	 * @param workingFolder the application's working folder, real path
	 */
	DangerousFolders(Path home, Path workingFolder) {
		this.home = home;
		this.workingFolder = workingFolder;
	}

	/**
	 * Tells why a folder is refused.
	 * @param folder the real path of the folder
	 * @return the reason, or {@code null} when it is acceptable
	 */
	String whyRefused(Path folder) {
		if (folder.getParent() == null) {
			return "it is the root of a file system";
		}
		if (this.home != null && this.home.startsWith(folder)) {
			return folder.equals(this.home) ? "it is the user's home folder" : "it holds the user's home folder";
		}
		if (this.workingFolder != null && this.workingFolder.startsWith(folder)) {
			return folder.equals(this.workingFolder) ? "it is the application's working folder"
					: "it holds the application's working folder";
		}
		String unix = folder.toString().replace('\\', '/');
		if (SYSTEM.contains(unix)) {
			return "it is a system folder";
		}
		for (String tree : SYSTEM_TREES) {
			if (unix.startsWith(tree + "/")) {
				return "it is inside the system folder " + tree;
			}
		}
		String lower = unix.toLowerCase(Locale.ROOT);
		if (lower.matches("[a-z]:/(windows|program files|program files \\(x86\\)|users|programdata)(/.*)?")) {
			return "it is a Windows system folder";
		}
		return null;
	}

}
