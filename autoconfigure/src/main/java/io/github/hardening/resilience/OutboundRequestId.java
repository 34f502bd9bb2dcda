package io.github.hardening.resilience;

import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.github.hardening.core.RequestIds;

/**
 * Copies the current request's id onto an outbound call, so the downstream's logs can be joined with ours.
 */
final class OutboundRequestId {

	private OutboundRequestId() {
	}

	/**
	 * Adds {@code X-Request-ID} unless the caller set one; must run on the caller's thread.
	 */
	static void propagate(HttpHeaders headers) {
		if (headers.containsKey(RequestIds.HEADER)) {
			return;
		}
		String id = current();
		if (id != null) {
			headers.set(RequestIds.HEADER, id);
		}
	}

	static String current() {
		// The MDC holds it for the request thread (RequestIdFilter); the request attribute covers async dispatch.
		String id = MDC.get(RequestIds.MDC_KEY);
		if (id == null) {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			Object value = (attributes != null)
					? attributes.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
			id = (value instanceof String text) ? text : null;
		}
		return RequestIds.isValid(id) ? id : null;
	}

}
