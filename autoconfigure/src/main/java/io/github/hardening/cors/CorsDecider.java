package io.github.hardening.cors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.CollectionUtils;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Decides a cross-origin request against one policy. Unlike Spring's {@code DefaultCorsProcessor} it
 * tells why a request was refused, never lets the 'null' origin in through {@code *} or a pattern, and
 * requires every header a preflight asks for to be allowed rather than some of them.
 */
public class CorsDecider {

	private static final int MAX_ECHOED_LENGTH = 100;

	/**
	 * Tells whether a policy lets any origin in at all; responses under a policy that does not never vary
	 * by origin.
	 * @param policy the policy
	 * @return whether it allows at least one origin
	 */
	public static boolean allowsAnyOrigin(CorsConfiguration policy) {
		return !CollectionUtils.isEmpty(policy.getAllowedOrigins())
				|| !CollectionUtils.isEmpty(policy.getAllowedOriginPatterns());
	}

	/**
	 * Decides a cross-origin request.
	 * @param policy the policy of the request's path
	 * @param request the request
	 * @return allowed with the headers to add, or rejected with the reason
	 */
	public CorsDecision decide(CorsConfiguration policy, CorsRequest request) {
		boolean preflight = request.isPreflight();
		String allowedOrigin = allowedOrigin(policy, request.origin());
		if (allowedOrigin == null) {
			return CorsDecision.rejected(preflight, CorsRejection.ORIGIN,
					"The origin " + quote(request.origin()) + " is not allowed to make cross-origin requests here.");
		}
		String method = preflight ? request.requestedMethod() : request.method();
		List<HttpMethod> allowedMethods = method.isBlank() ? null : policy.checkHttpMethod(HttpMethod.valueOf(method));
		if (allowedMethods == null) {
			return CorsDecision.rejected(preflight, CorsRejection.METHOD, "The method " + quote(method)
					+ " is not allowed for cross-origin requests here. Allowed: " + join(policy.getAllowedMethods()) + ".");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
		if (preflight) {
			List<String> notAllowed = notAllowedHeaders(policy, request.requestedHeaders());
			if (!notAllowed.isEmpty()) {
				return CorsDecision.rejected(true, CorsRejection.HEADERS, "The request headers "
						+ notAllowed.stream().map(CorsDecider::quote).collect(Collectors.joining(", "))
						+ " are not allowed for cross-origin requests here. Allowed: " + join(policy.getAllowedHeaders()) + ".");
			}
			headers.put(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
					allowedMethods.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
			if (!request.requestedHeaders().isEmpty()) {
				headers.put(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", request.requestedHeaders()));
			}
		}
		else if (!CollectionUtils.isEmpty(policy.getExposedHeaders())) {
			headers.put(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", policy.getExposedHeaders()));
		}
		if (Boolean.TRUE.equals(policy.getAllowCredentials())) {
			headers.put(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
		}
		if (preflight && policy.getMaxAge() != null) {
			headers.put(HttpHeaders.ACCESS_CONTROL_MAX_AGE, policy.getMaxAge().toString());
		}
		return CorsDecision.allowed(preflight, headers);
	}

	private static String allowedOrigin(CorsConfiguration policy, String origin) {
		if (OriginRules.NULL_ORIGIN.equals(origin)) {
			// '*' and patterns would match it; only an explicit allow-null-origin may.
			List<String> origins = policy.getAllowedOrigins();
			return (origins != null && origins.contains(OriginRules.NULL_ORIGIN)) ? origin : null;
		}
		return policy.checkOrigin(origin);
	}

	private static List<String> notAllowedHeaders(CorsConfiguration policy, List<String> requested) {
		List<String> allowed = policy.checkHeaders(requested);
		List<String> notAllowed = new ArrayList<>();
		for (String header : requested) {
			if (allowed == null || allowed.stream().noneMatch(header::equalsIgnoreCase)) {
				notAllowed.add(header);
			}
		}
		return notAllowed;
	}

	private static String join(List<String> values) {
		return CollectionUtils.isEmpty(values) ? "none" : String.join(", ", values);
	}

	/** Quotes client-supplied text for a detail: printable ASCII only, and short, so it cannot forge lines or flood. */
	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder("'");
		int length = Math.min(value.length(), MAX_ECHOED_LENGTH);
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			quoted.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		if (value.length() > MAX_ECHOED_LENGTH) {
			quoted.append("...");
		}
		return quoted.append('\'').toString();
	}

}
