package io.github.hardening.core;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes RFC 9457 {@code application/problem+json} responses from anywhere, including servlet filters
 * that run before Spring MVC.
 */
public class ProblemResponseWriter {

	/** Media type of problem responses. */
	public static final String MEDIA_TYPE = "application/problem+json";

	private static final Log logger = LogFactory.getLog(ProblemResponseWriter.class);

	private final ObjectMapper objectMapper;

	/**
	 * Creates a writer.
	 * @param objectMapper mapper that serialises the body
	 */
	public ProblemResponseWriter(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * Builds the body of a problem: {@code type}, {@code title}, {@code status}, {@code detail},
	 * {@code instance} (the request path, without query), {@code requestId}, then the extensions.
	 * @param request the request the problem answers
	 * @param type the problem type
	 * @param detail explanation of this occurrence, safe to show to the client
	 * @param extensions extra members, may be empty
	 * @return the body, in member order
	 */
	public static Map<String, Object> body(HttpServletRequest request, ProblemType type, String detail,
			Map<String, ?> extensions) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.type().toString());
		body.put("title", type.title());
		body.put("status", type.status());
		if (detail != null) {
			body.put("detail", detail);
		}
		body.put("instance", request.getRequestURI());
		String requestId = RequestIds.get(request);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		body.putAll(extensions);
		return body;
	}

	/**
	 * Writes a problem response; does nothing but log when the response is already committed.
	 * @param request the request
	 * @param response the response
	 * @param type the problem type, which also gives the status
	 * @param detail explanation of this occurrence, safe to show to the client
	 * @throws IOException when writing fails
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
			throws IOException {
		write(request, response, type, detail, Map.of());
	}

	/**
	 * Writes a problem response with extension members.
	 * @param request the request
	 * @param response the response
	 * @param type the problem type, which also gives the status
	 * @param detail explanation of this occurrence, safe to show to the client
	 * @param extensions extra members, e.g. {@code violated-policies}
	 * @throws IOException when writing fails
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail,
			Map<String, ?> extensions) throws IOException {
		if (response.isCommitted()) {
			logger.warn("Cannot send problem " + type.type() + " for " + request.getRequestURI()
					+ ": the response is already committed");
			return;
		}
		byte[] json = this.objectMapper.writeValueAsBytes(body(request, type, detail, extensions));
		response.resetBuffer();
		response.setStatus(type.status());
		response.setContentType(MEDIA_TYPE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
		response.flushBuffer();
	}

}
