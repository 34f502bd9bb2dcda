package io.github.hardening.core;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Boot's error controller, except that every non-HTML error (from {@code sendError}, from an exception
 * that escaped the application, from the container) is answered with a problem response instead of
 * Boot's {@code timestamp/status/error/path} map. Browsers asking for HTML still get the error page.
 */
public class ProblemErrorController extends BasicErrorController {

	/**
	 * Creates the controller.
	 * @param errorAttributes Boot's error attributes
	 * @param errorProperties the {@code server.error} settings
	 * @param errorViewResolvers resolvers of HTML error views
	 */
	public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
			List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorProperties, errorViewResolvers);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		ProblemType type = StandardProblemTypes.forStatus(status.value(), status.getReasonPhrase());
		String detail = status.is5xxServerError()
				? "The server could not complete the request. Quote the request id when reporting it." : null;
		Map<String, Object> body = ProblemResponseWriter.body(new OriginalRequest(request), type, detail, Map.of());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@Override
	public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
		return ResponseEntity.status(getStatus(request)).build();
	}

	/** The failed request's path, which the error dispatch keeps in a request attribute. */
	private static final class OriginalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		OriginalRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getRequestURI() {
			Object uri = getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
			return (uri instanceof String text) ? text : super.getRequestURI();
		}

	}

}
