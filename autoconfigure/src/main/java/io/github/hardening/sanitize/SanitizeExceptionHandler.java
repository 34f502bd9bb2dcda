package io.github.hardening.sanitize;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.ProblemType;
import io.github.hardening.core.StandardProblemTypes;

/**
 * Gives refused text and exceeded JSON limits their own problem types, naming the field or the limit.
 * Runs before the core problem handler and hands every other unreadable body or type mismatch to it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class SanitizeExceptionHandler {

	private final ObjectProvider<ResponseEntityExceptionHandler> fallback;

	private final ObjectProvider<LimitsCounters> limitsCounters;

	/**
	 * Creates the handler.
	 * @param fallback the application's general handler (the core's problem handler by default)
	 * @param limitsCounters counts exceeded limits, when request limits are on
	 */
	public SanitizeExceptionHandler(ObjectProvider<ResponseEntityExceptionHandler> fallback,
			ObjectProvider<LimitsCounters> limitsCounters) {
		this.fallback = fallback;
		this.limitsCounters = limitsCounters;
	}

	/**
	 * Answers an unreadable body.
	 * @param ex the exception
	 * @param request the request
	 * @param webRequest the request, for the fallback
	 * @return the problem response
	 * @throws Exception when the fallback fails
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	public ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request,
			WebRequest webRequest) throws Exception {
		SuspiciousInputException suspicious = find(ex, SuspiciousInputException.class);
		if (suspicious != null) {
			return suspicious(suspicious, request);
		}
		InvalidTextException invalid = find(ex, InvalidTextException.class);
		if (invalid != null) {
			// The inner field is the path inside a JsonNode tree, the outer one the path of the property holding it.
			String field = NormalizingJsonNodeDeserializer.join(jsonPath(find(ex, JsonMappingException.class)),
					invalid.getField());
			return invalidText(request, (field != null) ? field : "$", invalid.getReason());
		}
		BodyTooLargeException tooLarge = find(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			return bodyTooLarge(tooLarge, request);
		}
		StreamConstraintsException limit = find(ex, StreamConstraintsException.class);
		if (limit != null) {
			this.limitsCounters.ifAvailable((counters) -> counters.json().increment());
			String name = JsonLimitNames.of(limit);
			return problem(request, SanitizeProblemTypes.JSON_LIMIT_EXCEEDED,
					"The JSON document exceeds the limit " + name + ".", Map.of("limit", name));
		}
		return delegate(ex, request, webRequest);
	}

	/**
	 * Answers a parameter or path variable that could not be bound.
	 * @param ex the exception
	 * @param request the request
	 * @param webRequest the request, for the fallback
	 * @return the problem response
	 * @throws Exception when the fallback fails
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			WebRequest webRequest) throws Exception {
		InvalidTextException invalid = find(ex, InvalidTextException.class);
		if (invalid != null) {
			return invalidText(request, ex.getName(), invalid.getReason());
		}
		return delegate(ex, request, webRequest);
	}

	/**
	 * Answers a body that grew past the size limit while application code read it.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler(BodyTooLargeException.class)
	public ResponseEntity<Object> bodyTooLarge(BodyTooLargeException ex, HttpServletRequest request) {
		this.limitsCounters.ifAvailable((counters) -> counters.body().increment());
		ResponseEntity<Object> problem = problem(request, SanitizeProblemTypes.BODY_TOO_LARGE,
				"The request body is larger than " + ex.getMaxBytes() + " bytes.",
				Map.of("limit", ex.getLimit(), "maxBytes", ex.getMaxBytes()));
		// The rest of the body is not read: the connection is closed rather than drained.
		return ResponseEntity.status(problem.getStatusCode())
			.headers(problem.getHeaders())
			.header("Connection", "close")
			.body(problem.getBody());
	}

	/**
	 * Answers input refused by the suspicious-input detector in block mode.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler(SuspiciousInputException.class)
	public ResponseEntity<Object> suspicious(SuspiciousInputException ex, HttpServletRequest request) {
		return problem(request, SanitizeProblemTypes.SUSPICIOUS_INPUT,
				"The request matched a " + ex.getKind().tag() + " signature.", Map.of("kind", ex.getKind().tag()));
	}

	/**
	 * Answers text refused by application code that called {@link TextSanitizer} itself.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler(InvalidTextException.class)
	public ResponseEntity<Object> invalidText(InvalidTextException ex, HttpServletRequest request) {
		return invalidText(request, ex.getField(), ex.getReason());
	}

	private ResponseEntity<Object> invalidText(HttpServletRequest request, String field, String reason) {
		String name = (field != null) ? field : "(unknown)";
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("field", name);
		return problem(request, SanitizeProblemTypes.INVALID_TEXT, "Field '" + name + "' " + reason + ".",
				extensions);
	}

	private ResponseEntity<Object> delegate(Exception ex, HttpServletRequest request, WebRequest webRequest)
			throws Exception {
		ResponseEntityExceptionHandler handler = this.fallback.getIfAvailable();
		if (handler != null) {
			ResponseEntity<Object> entity = handler.handleException(ex, webRequest);
			if (entity != null) {
				return entity;
			}
		}
		ProblemType type = (ex instanceof HttpMessageNotReadableException) ? StandardProblemTypes.MALFORMED_BODY
				: StandardProblemTypes.INVALID_PARAMETER;
		return problem(request, type, null, Map.of());
	}

	private static ResponseEntity<Object> problem(HttpServletRequest request, ProblemType type, String detail,
			Map<String, ?> extensions) {
		return ResponseEntity.status(type.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponseWriter.body(request, type, detail, extensions));
	}

	static String jsonPath(JsonMappingException ex) {
		if (ex == null || ex.getPath().isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : ex.getPath()) {
			if (reference.getFieldName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < 10; depth++) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
