package io.github.hardening.core;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns the client errors Spring MVC raises (malformed JSON, 404, 405, 415, validation, …) into problem
 * responses with a stable {@code type}, the request path and the request id, and never an exception
 * class name or parser message.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final String ABOUT_BLANK = "about:blank";

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest webRequest) {
		ResponseEntity<Object> entity = super.handleExceptionInternal(ex, body, headers, statusCode, webRequest);
		if (entity == null || !(entity.getBody() instanceof ProblemDetail problem)) {
			return entity;
		}
		HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
		ProblemType type = typeOf(ex, statusCode);
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType().toString())) {
			problem.setType(type.type());
			problem.setTitle(type.title());
		}
		if (ex instanceof HttpMessageNotReadableException) {
			// Jackson's message names classes and offsets; the client gets a stable sentence instead.
			problem.setDetail("The request body is missing or is not valid for this endpoint.");
		}
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
			String requestId = RequestIds.get(request);
			if (requestId != null) {
				problem.setProperty("requestId", requestId);
			}
		}
		if (ex instanceof BindException bind) {
			problem.setProperty("errors", fieldErrors(bind.getFieldErrors()));
		}
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.addAll(entity.getHeaders());
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, responseHeaders, entity.getStatusCode());
	}

	private static List<Map<String, Object>> fieldErrors(List<FieldError> errors) {
		return errors.stream()
			.map((error) -> Map.<String, Object>of("field", error.getField(), "message",
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"))
			.toList();
	}

	private static ProblemType typeOf(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException) {
			return StandardProblemTypes.MALFORMED_BODY;
		}
		if (ex instanceof BindException || ex instanceof HandlerMethodValidationException) {
			return StandardProblemTypes.VALIDATION_FAILED;
		}
		if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingRequestValueException
				|| ex instanceof MissingServletRequestPartException) {
			return StandardProblemTypes.MISSING_PARAMETER;
		}
		if (ex instanceof TypeMismatchException) {
			return StandardProblemTypes.INVALID_PARAMETER;
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return StandardProblemTypes.NOT_FOUND;
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return StandardProblemTypes.METHOD_NOT_ALLOWED;
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return StandardProblemTypes.UNSUPPORTED_MEDIA_TYPE;
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return StandardProblemTypes.NOT_ACCEPTABLE;
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return StandardProblemTypes.PAYLOAD_TOO_LARGE;
		}
		return StandardProblemTypes.forStatus(status.value(), reasonPhrase(status));
	}

	private static String reasonPhrase(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

}
