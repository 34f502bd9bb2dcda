package io.github.hardening.sanitize;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which uploads are accepted: extensions and detected types (each list empty for any), and whether the
 * extension must fit the detected type.
 *
 * @param allowedExtensions lower-case extensions with their dot, e.g. {@code .png}; empty for any
 * @param allowedTypes media types, e.g. {@code image/png}; empty for any
 */
public record UploadPolicy(Set<String> allowedExtensions, Set<String> allowedTypes) {

	/**
	 * Creates a policy from configured lists, accepting extensions with or without their dot.
	 * @param extensions allowed extensions
	 * @param types allowed media types
	 * @return the policy
	 */
	public static UploadPolicy of(List<String> extensions, List<String> types) {
		return new UploadPolicy(
				extensions.stream()
					.map((e) -> e.trim().toLowerCase(Locale.ROOT))
					.map((e) -> e.startsWith(".") ? e : "." + e)
					.collect(Collectors.toUnmodifiableSet()),
				types.stream().map((t) -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * Checks one upload.
	 * @param filename the sanitised file name
	 * @param detectedType the type detected from the content
	 * @param detector tells whether the extension fits the type
	 * @return why it is refused, or {@code null} when accepted
	 */
	public String refusal(String filename, String detectedType, UploadTypeDetector detector) {
		String extension = UploadTypeDetector.extension(filename);
		if (!this.allowedExtensions.isEmpty() && !this.allowedExtensions.contains(extension)) {
			return "Files named *" + (extension.isEmpty() ? "(no extension)" : extension) + " are not accepted.";
		}
		if (!this.allowedTypes.isEmpty() && !this.allowedTypes.contains(detectedType)) {
			return "Content of type " + detectedType + " is not accepted.";
		}
		if (!detector.extensionMatches(filename, detectedType)) {
			return "The file name's extension does not match its content (" + detectedType + ").";
		}
		return null;
	}

}
