package io.github.hardening.core;

/**
 * Problem types for the errors Spring MVC and the servlet container raise themselves.
 */
public final class StandardProblemTypes {

	/** A request the server cannot process for a reason no more specific type covers. */
	public static final ProblemType BAD_REQUEST = ProblemType.of("bad-request", "Bad Request", 400);

	/** A body that could not be read: malformed JSON, wrong structure, wrong value types. */
	public static final ProblemType MALFORMED_BODY = ProblemType.of("malformed-body", "Malformed request body", 400);

	/** Bean Validation rejected one or more fields; the {@code errors} member lists them. */
	public static final ProblemType VALIDATION_FAILED = ProblemType.of("validation-failed", "Validation failed", 400);

	/** A required query parameter, header, cookie or multipart part is missing. */
	public static final ProblemType MISSING_PARAMETER = ProblemType.of("missing-parameter",
			"Missing request parameter", 400);

	/** A parameter or path variable could not be converted to the expected type. */
	public static final ProblemType INVALID_PARAMETER = ProblemType.of("invalid-parameter",
			"Invalid request parameter", 400);

	/** No resource at this path. */
	public static final ProblemType NOT_FOUND = ProblemType.of("not-found", "Not Found", 404);

	/** The resource exists but not for this HTTP method; {@code Allow} lists the supported ones. */
	public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.of("method-not-allowed", "Method Not Allowed",
			405);

	/** None of the media types in {@code Accept} can be produced. */
	public static final ProblemType NOT_ACCEPTABLE = ProblemType.of("not-acceptable", "Not Acceptable", 406);

	/** The request body's {@code Content-Type} is not supported here. */
	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = ProblemType.of("unsupported-media-type",
			"Unsupported Media Type", 415);

	/** The request body or upload is larger than allowed. */
	public static final ProblemType PAYLOAD_TOO_LARGE = ProblemType.of("payload-too-large", "Content Too Large", 413);

	/** The server failed; details are in its logs under the request id, never in the response. */
	public static final ProblemType INTERNAL_ERROR = ProblemType.of("internal-error", "Internal Server Error", 500);

	private StandardProblemTypes() {
	}

	/**
	 * Returns the generic type for a status code without a more specific one.
	 * @param status HTTP status
	 * @param reason the status's reason phrase
	 * @return a type whose slug is derived from the status
	 */
	public static ProblemType forStatus(int status, String reason) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 500 -> INTERNAL_ERROR;
			default -> ProblemType.of("http-" + status, reason, status);
		};
	}

}
