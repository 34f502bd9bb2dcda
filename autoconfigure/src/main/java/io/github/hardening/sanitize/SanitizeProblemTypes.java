package io.github.hardening.sanitize;

import io.github.hardening.core.ProblemType;

/**
 * Problem types of input sanitization and request limits; each is documented in {@code docs/problems.md}.
 */
public final class SanitizeProblemTypes {

	/** A file name or relative path that is empty, reserved or would leave its storage root. */
	public static final ProblemType UNSAFE_PATH = ProblemType.of("unsafe-path", "Unsafe file name or path", 400);

	/** A text field holds characters that are not allowed (unpaired surrogates, or any change in reject mode). */
	public static final ProblemType INVALID_TEXT = ProblemType.of("invalid-text", "Invalid text", 400);

	/** The request body is larger than {@code hardening.limits.max-body-size}, or a form body than the form size. */
	public static final ProblemType BODY_TOO_LARGE = ProblemType.of("body-too-large", "Request body too large", 413);

	/** A JSON document exceeds one of the {@code hardening.limits.json.*} limits. */
	public static final ProblemType JSON_LIMIT_EXCEEDED = ProblemType.of("json-limit-exceeded",
			"JSON limit exceeded", 400);

	/** An uploaded file whose extension or detected content type is not allowed, or whose two do not fit. */
	public static final ProblemType UPLOAD_TYPE_NOT_ALLOWED = ProblemType.of("upload-type-not-allowed",
			"Upload type not allowed", 415);

	/** Input that matched an attack signature on a path where the detector blocks. */
	public static final ProblemType SUSPICIOUS_INPUT = ProblemType.of("suspicious-input", "Suspicious input", 403);

	private SanitizeProblemTypes() {
	}

}
