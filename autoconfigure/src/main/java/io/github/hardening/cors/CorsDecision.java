package io.github.hardening.cors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one cross-origin request: allowed with the response headers to add, or rejected with a
 * reason and a detail that is safe to show to the client.
 *
 * @param preflight whether the request was a preflight, which is answered without reaching the application
 * @param rejection why it was rejected, {@code null} when allowed
 * @param detail explanation of a rejection, {@code null} when allowed
 * @param headers the {@code Access-Control-*} headers of an allowed request, empty when rejected
 */
public record CorsDecision(boolean preflight, CorsRejection rejection, String detail, Map<String, String> headers) {

	/**
	 * An allowed request.
	 * @param preflight whether it was a preflight
	 * @param headers the headers to add to the response
	 * @return the decision
	 */
	public static CorsDecision allowed(boolean preflight, Map<String, String> headers) {
		return new CorsDecision(preflight, null, null, Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
	}

	/**
	 * A rejected request.
	 * @param preflight whether it was a preflight
	 * @param rejection what was not allowed
	 * @param detail explanation for the client
	 * @return the decision
	 */
	public static CorsDecision rejected(boolean preflight, CorsRejection rejection, String detail) {
		return new CorsDecision(preflight, rejection, detail, Map.of());
	}

	/**
	 * Tells whether the request was allowed.
	 * @return whether it was allowed
	 */
	public boolean allowed() {
		return this.rejection == null;
	}

}
