package io.github.hardening.headers;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.ServletRequest;

/**
 * Per-request Content-Security-Policy nonces, exposed to templates as a request attribute.
 */
public final class CspNonces {

	/** Request attribute holding the nonce, e.g. {@code <script nonce="${cspNonce}">} in a template. */
	public static final String ATTRIBUTE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private CspNonces() {
	}

	/**
	 * Returns the nonce of a request, or {@code null} when its preset uses none.
	 * @param request the request
	 * @return the nonce or {@code null}
	 */
	public static String get(ServletRequest request) {
		Object nonce = request.getAttribute(ATTRIBUTE);
		return (nonce instanceof String text) ? text : null;
	}

	/**
	 * Returns the request's nonce, creating it on first use: 128 bits from a {@link SecureRandom}.
	 * @param request the request
	 * @return the nonce
	 */
	static String getOrCreate(ServletRequest request) {
		String nonce = get(request);
		if (nonce == null) {
			byte[] bytes = new byte[16];
			RANDOM.nextBytes(bytes);
			nonce = ENCODER.encodeToString(bytes);
			request.setAttribute(ATTRIBUTE, nonce);
		}
		return nonce;
	}

}
