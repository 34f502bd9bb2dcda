package io.github.hardening.sanitize;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An untrusted file name or path that cannot be used safely. Spring MVC answers it with a 400
 * {@code unsafe-path} problem; the detail never echoes the untrusted input.
 */
public class UnsafePathException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param reason why the input was refused, safe to show to the client
	 */
	public UnsafePathException(String reason) {
		super(HttpStatus.BAD_REQUEST, problem(reason), null);
	}

	/**
	 * Creates the exception with its cause.
	 * @param reason why the input was refused, safe to show to the client
	 * @param cause the underlying failure
	 */
	public UnsafePathException(String reason, Throwable cause) {
		super(HttpStatus.BAD_REQUEST, problem(reason), cause);
	}

	/**
	 * Returns why the input was refused.
	 * @return the reason
	 */
	public String getReason() {
		return getBody().getDetail();
	}

	@Override
	public String getMessage() {
		return getReason();
	}

	private static ProblemDetail problem(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setType(URI.create(SanitizeProblemTypes.UNSAFE_PATH.type().toString()));
		problem.setTitle(SanitizeProblemTypes.UNSAFE_PATH.title());
		return problem;
	}

}
