package io.github.hardening.cors;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a cross-origin request that a CORS decision looks at.
 *
 * @param method the HTTP method of the request itself
 * @param origin the {@code Origin} header
 * @param requestedMethod the {@code Access-Control-Request-Method} header, {@code null} if absent
 * @param requestedHeaders the header names of {@code Access-Control-Request-Headers}, empty if absent
 */
public record CorsRequest(String method, String origin, String requestedMethod, List<String> requestedHeaders) {

	/**
	 * Tells whether this is a preflight: an {@code OPTIONS} request asking whether the real one may follow.
	 * @return whether it is a preflight
	 */
	public boolean isPreflight() {
		return "OPTIONS".equals(this.method) && this.requestedMethod != null;
	}

	/**
	 * Splits {@code Access-Control-Request-Headers} values into header names.
	 * @param values the header's values, possibly several, each comma-separated
	 * @return the names, trimmed, without empty entries
	 */
	public static List<String> headerNames(Iterable<String> values) {
		List<String> names = new ArrayList<>();
		for (String value : values) {
			for (String name : value.split(",")) {
				if (!name.isBlank()) {
					names.add(name.trim());
				}
			}
		}
		return names;
	}

}
