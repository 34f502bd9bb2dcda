package io.github.hardening.storage;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.github.hardening.core.ProblemType;

/**
 * An upload larger than {@code hardening.storage.max-file-size}; Spring MVC answers it with a 413
 * {@code storage-file-too-large} problem. Nothing of it is kept.
 */
public class StorageLimitException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	/** The problem type. */
	public static final ProblemType TYPE = ProblemType.of("storage-file-too-large", "File too large", 413);

	/**
	 * Creates the exception.
	 * @param maxBytes the limit
	 */
	public StorageLimitException(long maxBytes) {
		super(HttpStatus.PAYLOAD_TOO_LARGE, problem(maxBytes), null);
	}

	private static ProblemDetail problem(long maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The file is larger than the limit of " + maxBytes + " bytes.");
		problem.setType(URI.create(TYPE.type().toString()));
		problem.setTitle(TYPE.title());
		problem.setProperty("maxBytes", maxBytes);
		return problem;
	}

}
