package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;

/**
 * Answers a request whose downstream call failed in the pipeline with 503 problem+json and {@code Retry-After},
 * so that every application gets a clear answer instead of a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ResilienceProblemHandler {

	/** A downstream could not give a usable answer (attempts, budget or time exhausted). */
	public static final ProblemType DOWNSTREAM_UNAVAILABLE = ProblemType.of("downstream-unavailable",
			"Downstream service unavailable", 503);

	/** The circuit breaker of a downstream is open; the call failed at once. */
	public static final ProblemType CIRCUIT_OPEN = ProblemType.of("circuit-open", "Downstream circuit open", 503);

	/**
	 * Maps the pipeline's exception.
	 * @param ex the failure
	 * @param request the request being answered
	 * @return the problem response
	 */
	@ExceptionHandler(DownstreamUnavailableException.class)
	public ResponseEntity<Map<String, Object>> downstreamUnavailable(DownstreamUnavailableException ex,
			HttpServletRequest request) {
		boolean open = ex instanceof CircuitOpenException;
		ProblemType type = open ? CIRCUIT_OPEN : DOWNSTREAM_UNAVAILABLE;
		long retryAfter = Math.max(1, (ex.getRetryAfter().toMillis() + 999) / 1000);
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("client", ex.getClient());
		extensions.put("retryAfterSeconds", retryAfter);
		// The detail names the client but not the downstream's URL or answer, which may be internal.
		String detail = open ? "Calls to '" + ex.getClient() + "' are suspended after repeated failures."
				: "'" + ex.getClient() + "' did not answer usefully after " + ex.getAttempts() + " attempt(s).";
		return ResponseEntity.status(type.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponseWriter.body(request, type, detail, extensions));
	}

}
