package io.github.hardening.core;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.ServletRequest;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request id every log line, problem response and outbound call of a request shares.
 */
public final class RequestIds {

	/** Header that carries the request id in and out. */
	public static final String HEADER = "X-Request-ID";

	/** Request attribute holding the request id. */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".ID";

	/** MDC key under which the request id is logged. */
	public static final String MDC_KEY = "requestId";

	private static final int MAX_LENGTH = 128;

	private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

	private RequestIds() {
	}

	/**
	 * Returns the request id of a request, or {@code null} when none was assigned.
	 * @param request the request
	 * @return the id or {@code null}
	 */
	public static String get(ServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id instanceof String text) ? text : null;
	}

	/**
	 * Returns the id of the request this thread is handling: from the MDC ({@code RequestIdFilter} puts it
	 * there), else from the current request's attribute (async dispatch).
	 * @return the valid id, or {@code null} outside a request
	 */
	public static String current() {
		String id = MDC.get(MDC_KEY);
		if (id == null) {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			Object value = (attributes != null) ? attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
					: null;
			id = (value instanceof String text) ? text : null;
		}
		return isValid(id) ? id : null;
	}

	/**
	 * Puts the current request's id on an outbound call unless the caller set one, so the downstream's logs
	 * can be joined with ours. Must run on the thread handling the request.
	 * @param headers the outbound request's headers
	 */
	public static void propagate(HttpHeaders headers) {
		if (headers.containsKey(HEADER)) {
			return;
		}
		String id = current();
		if (id != null) {
			headers.set(HEADER, id);
		}
	}

	/**
	 * Tells whether a client-supplied id may be reused: 1 to 128 characters of {@code [A-Za-z0-9._-]}.
	 * @param candidate the id a client sent
	 * @return whether it is acceptable
	 */
	public static boolean isValid(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Generates a new id: 20 random base-36 characters (about 103 bits). Request ids identify, they do not
	 * authorise, so a fast non-cryptographic generator is enough.
	 * @return a new id
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] id = new char[20];
		// Two 64-bit draws, ten base-36 digits from each (36^10 < 2^52, so every digit is used evenly enough).
		long high = random.nextLong() >>> 12;
		long low = random.nextLong() >>> 12;
		for (int i = 0; i < 10; i++) {
			id[i] = ALPHABET[(int) (high % 36)];
			id[10 + i] = ALPHABET[(int) (low % 36)];
			high /= 36;
			low /= 36;
		}
		return new String(id);
	}

}
