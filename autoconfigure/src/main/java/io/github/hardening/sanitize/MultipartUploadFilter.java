package io.github.hardening.sanitize;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import io.github.hardening.core.ProblemResponseWriter;
import io.github.hardening.core.StandardProblemTypes;

/**
 * Checks every file of a multipart request before the application sees it: the sanitised name's extension
 * and the type detected from the content must be allowed and must fit each other (a {@code .png} that is a
 * PDF is refused with 415). Too large a file or request, or too many parts, is a 413.
 */
public class MultipartUploadFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	/** Request attribute holding the detected type of each file part, by part name. */
	public static final String DETECTED_TYPES = MultipartUploadFilter.class.getName() + ".detectedTypes";

	private final transient UploadPolicy policy;

	private final transient UploadTypeDetector detector;

	private final transient ProblemResponseWriter problems;

	private final transient LimitsCounters counters;

	/**
	 * Creates the filter.
	 * @param policy what is accepted
	 * @param detector detects types from content
	 * @param problems writes the 413 and 415 problems
	 * @param counters counts refusals
	 */
	public MultipartUploadFilter(UploadPolicy policy, UploadTypeDetector detector, ProblemResponseWriter problems,
			LimitsCounters counters) {
		this.policy = policy;
		this.detector = detector;
		this.problems = problems;
		this.counters = counters;
	}

	/**
	 * Returns the type detected for a file part of the current request.
	 * @param request the request
	 * @param partName the part's name, e.g. {@code file}
	 * @return the type, or {@code null} when the part was not checked
	 */
	@SuppressWarnings("unchecked")
	public static String detectedType(HttpServletRequest request, String partName) {
		Object types = request.getAttribute(DETECTED_TYPES);
		return (types instanceof Map<?, ?> map) ? ((Map<String, String>) map).get(partName) : null;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String contentType = request.getContentType();
		if (contentType == null || !contentType.regionMatches(true, 0, "multipart/form-data", 0, 19)) {
			chain.doFilter(request, response);
			return;
		}
		Collection<Part> parts;
		try {
			parts = request.getParts();
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			if (isLimit(ex)) {
				this.counters.uploadSize().increment();
				this.problems.write(request, response, StandardProblemTypes.PAYLOAD_TOO_LARGE,
						"The upload is too large or has too many parts.");
				return;
			}
			// No multipart configuration for this path (e.g. not a Spring MVC request): nothing to check here.
			chain.doFilter(request, response);
			return;
		}
		Map<String, String> detected = new LinkedHashMap<>();
		for (Part part : parts) {
			if (part.getSubmittedFileName() == null) {
				continue;
			}
			String type;
			try (InputStream content = part.getInputStream()) {
				type = this.detector.detect(content);
			}
			String refusal = refusal(part.getSubmittedFileName(), type);
			if (refusal != null) {
				this.counters.uploadType().increment();
				this.problems.write(request, response, SanitizeProblemTypes.UPLOAD_TYPE_NOT_ALLOWED, refusal,
						Map.of("part", part.getName(), "detectedType", type));
				return;
			}
			detected.put(part.getName(), type);
		}
		request.setAttribute(DETECTED_TYPES, detected);
		chain.doFilter(request, response);
	}

	private String refusal(String submittedName, String type) {
		try {
			return this.policy.refusal(SafeFilenames.sanitize(submittedName), type, this.detector);
		}
		catch (UnsafePathException ex) {
			return "The file name is not usable.";
		}
	}

	private static boolean isLimit(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			String name = current.getClass().getSimpleName();
			if (name.contains("LimitExceeded") || name.contains("SizeException")) {
				return true;
			}
		}
		return false;
	}

}
