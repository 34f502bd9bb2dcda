package io.github.hardening.headers;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of one preset, rendered at startup: those sent on every response, HSTS for secure
 * requests, and the Content-Security-Policy (the only value that can change per request, by its nonce).
 */
public final class PresetHeaders {

	private final HeaderPreset preset;

	private final String[] names;

	private final String[] values;

	private final String hsts;

	private final ContentSecurityPolicy csp;

	private final String cspHeaderName;

	private final ContentSecurityPolicy cspWhenFramingDenied;

	private final ContentSecurityPolicy cspWhenFramingSameOrigin;

	/**
	 * Creates the preset's headers.
	 * @param preset which preset this is
	 * @param headers header name to value, sent on every response
	 * @param hsts Strict-Transport-Security value, or {@code null} when off
	 * @param csp the policy, or {@code null} when none is sent
	 * @param reportOnly whether the policy is sent as Content-Security-Policy-Report-Only
	 */
	public PresetHeaders(HeaderPreset preset, Map<String, String> headers, String hsts, ContentSecurityPolicy csp,
			boolean reportOnly) {
		this.preset = preset;
		this.names = headers.keySet().toArray(String[]::new);
		this.values = headers.values().toArray(String[]::new);
		this.hsts = hsts;
		this.csp = (csp != null && !csp.isEmpty()) ? csp : null;
		this.cspHeaderName = reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
		boolean framing = this.csp != null && this.csp.has("frame-ancestors");
		this.cspWhenFramingDenied = framing ? this.csp.with("frame-ancestors", "'none'") : null;
		this.cspWhenFramingSameOrigin = framing ? this.csp.with("frame-ancestors", "'self'") : null;
	}

	/**
	 * Returns the preset.
	 * @return the preset
	 */
	public HeaderPreset preset() {
		return this.preset;
	}

	/**
	 * Tells whether a nonce must be generated for requests of this preset.
	 * @return whether the policy uses a nonce
	 */
	public boolean usesNonce() {
		return this.csp != null && this.csp.usesNonce();
	}

	/**
	 * Sets every header the response does not have yet; a header the application set is never touched.
	 * @param response the response
	 * @param secure whether the client used TLS (HSTS is only sent then)
	 * @param nonce the request's nonce, or {@code null}
	 * @return whether this wrote the Content-Security-Policy (rather than finding one)
	 */
	public boolean writeMissing(HttpServletResponse response, boolean secure, String nonce) {
		// containsHeader already scanned the headers, so addHeader (no second scan) is enough.
		for (int i = 0; i < this.names.length; i++) {
			if (!response.containsHeader(this.names[i])) {
				response.addHeader(this.names[i], this.values[i]);
			}
		}
		if (secure && this.hsts != null && !response.containsHeader("Strict-Transport-Security")) {
			response.addHeader("Strict-Transport-Security", this.hsts);
		}
		if (this.csp != null && !response.containsHeader(this.cspHeaderName)) {
			response.addHeader(this.cspHeaderName, policyAgreeingWith(response).render(nonce));
			return true;
		}
		return false;
	}

	/**
	 * Rewrites the policy this filter wrote so that its frame-ancestors agrees with an X-Frame-Options that
	 * someone (Spring Security's header writer, for one) set afterwards.
	 * @param response the response
	 * @param nonce the request's nonce, or {@code null}
	 */
	public void realignFraming(HttpServletResponse response, String nonce) {
		if (this.cspWhenFramingDenied != null && !response.isCommitted()) {
			response.setHeader(this.cspHeaderName, policyAgreeingWith(response).render(nonce));
		}
	}

	/**
	 * An X-Frame-Options set before us (by the application or Spring Security) is kept, so the policy's
	 * frame-ancestors follows it rather than contradict it.
	 */
	private ContentSecurityPolicy policyAgreeingWith(HttpServletResponse response) {
		if (this.cspWhenFramingDenied == null) {
			return this.csp;
		}
		String frameOptions = response.getHeader("X-Frame-Options");
		if (frameOptions == null || frameOptions.equalsIgnoreCase(this.ownFrameOptions())) {
			return this.csp;
		}
		if (frameOptions.equalsIgnoreCase("DENY")) {
			return this.cspWhenFramingDenied;
		}
		return frameOptions.equalsIgnoreCase("SAMEORIGIN") ? this.cspWhenFramingSameOrigin : this.csp;
	}

	private String ownFrameOptions() {
		for (int i = 0; i < this.names.length; i++) {
			if (this.names[i].equals("X-Frame-Options")) {
				return this.values[i];
			}
		}
		return "";
	}

	/**
	 * Describes the headers for the report, with the nonce shown as its placeholder.
	 * @return header name to value
	 */
	public Map<String, String> describe() {
		Map<String, String> result = new java.util.LinkedHashMap<>();
		for (int i = 0; i < this.names.length; i++) {
			result.put(this.names[i], this.values[i]);
		}
		if (this.hsts != null) {
			result.put("Strict-Transport-Security", this.hsts + " (secure requests only)");
		}
		if (this.csp != null) {
			result.put(this.cspHeaderName, this.csp.toString());
		}
		return result;
	}

	List<String> headerNames() {
		return List.of(this.names);
	}

}
