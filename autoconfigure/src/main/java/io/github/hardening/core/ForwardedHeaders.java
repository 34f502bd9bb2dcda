package io.github.hardening.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The forwarding information a chain of proxies wrote, hop by hop from the client (left) to the nearest
 * proxy (right), read from RFC 7239 {@code Forwarded} or from the {@code X-Forwarded-*} family.
 *
 * @param nodes the {@code for} node of every hop, left to right
 * @param protos the scheme per hop ({@code null} where a hop did not say), or one value set by the edge
 * @param hosts the host per hop, or one value set by the edge
 * @param ports the port per hop, or one value set by the edge
 */
record ForwardedHeaders(List<String> nodes, List<String> protos, List<String> hosts, List<String> ports) {

	static final String FORWARDED = "Forwarded";

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

	static final String X_FORWARDED_HOST = "X-Forwarded-Host";

	static final String X_FORWARDED_PORT = "X-Forwarded-Port";

	/**
	 * Reads the headers; {@code Forwarded} wins when present and allowed.
	 */
	static ForwardedHeaders read(HttpServletRequest request, boolean useForwarded) {
		if (useForwarded) {
			List<String> elements = values(request, FORWARDED);
			if (!elements.isEmpty()) {
				return fromForwarded(elements);
			}
		}
		return new ForwardedHeaders(values(request, X_FORWARDED_FOR), values(request, X_FORWARDED_PROTO),
				values(request, X_FORWARDED_HOST), values(request, X_FORWARDED_PORT));
	}

	/**
	 * The comma-separated items of every line of a header; a plain lookup first, because the header is
	 * usually absent and {@code getHeaders} allocates an enumeration even then.
	 */
	private static List<String> values(HttpServletRequest request, String name) {
		return (request.getHeader(name) != null) ? splitList(request.getHeaders(name)) : Collections.emptyList();
	}

	boolean isEmpty() {
		return this.nodes.isEmpty() && this.protos.isEmpty() && this.hosts.isEmpty() && this.ports.isEmpty();
	}

	/**
	 * The value belonging to the hop at {@code index}: when the list has one entry per hop, the entry of
	 * that hop or the nearest one to its right that has a value; otherwise the right-most value, which the
	 * nearest (trusted) proxy wrote.
	 */
	static String forHop(List<String> values, int index, int hopCount) {
		if (values.isEmpty()) {
			return null;
		}
		if (values.size() == hopCount && index >= 0) {
			for (int i = index; i < values.size(); i++) {
				if (values.get(i) != null) {
					return values.get(i);
				}
			}
			return null;
		}
		for (int i = values.size() - 1; i >= 0; i--) {
			if (values.get(i) != null) {
				return values.get(i);
			}
		}
		return null;
	}

	private static ForwardedHeaders fromForwarded(List<String> elements) {
		List<String> nodes = new ArrayList<>(elements.size());
		List<String> protos = new ArrayList<>(elements.size());
		List<String> hosts = new ArrayList<>(elements.size());
		for (String element : elements) {
			String forNode = null;
			String proto = null;
			String host = null;
			for (String pair : splitOutsideQuotes(element, ';')) {
				int eq = pair.indexOf('=');
				if (eq <= 0) {
					continue;
				}
				String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
				String value = unquote(pair.substring(eq + 1).trim());
				switch (name) {
					case "for" -> forNode = value;
					case "proto" -> proto = value;
					case "host" -> host = value;
					default -> {
					}
				}
			}
			nodes.add(forNode);
			protos.add(proto);
			hosts.add(host);
		}
		return new ForwardedHeaders(nodes, protos, hosts, Collections.emptyList());
	}

	private static List<String> splitList(Enumeration<String> headerValues) {
		if (headerValues == null || !headerValues.hasMoreElements()) {
			return Collections.emptyList();
		}
		List<String> result = new ArrayList<>(4);
		while (headerValues.hasMoreElements()) {
			for (String item : splitOutsideQuotes(headerValues.nextElement(), ',')) {
				String trimmed = item.trim();
				if (!trimmed.isEmpty()) {
					result.add(trimmed);
				}
			}
		}
		return result;
	}

	private static List<String> splitOutsideQuotes(String value, char separator) {
		List<String> parts = new ArrayList<>(4);
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '\\' && quoted) {
				i++;
			}
			else if (c == separator && !quoted) {
				parts.add(value.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(value.substring(start));
		return parts;
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
			return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
		}
		return value;
	}

}
