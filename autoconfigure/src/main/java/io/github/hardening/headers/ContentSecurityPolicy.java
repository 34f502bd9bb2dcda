package io.github.hardening.headers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated Content-Security-Policy, rendered once at startup; only the per-request nonce is inserted at
 * request time.
 */
public final class ContentSecurityPolicy {

	/** Placeholder in a directive value that is replaced by the request's nonce, as in {@code 'nonce-{nonce}'}. */
	public static final String NONCE_PLACEHOLDER = "{nonce}";

	/** A directive set to this value is not sent, which is how a default directive is dropped. */
	public static final String DROPPED = "false";

	private static final Set<String> KEYWORDS = Set.of("self", "none", "unsafe-inline", "unsafe-eval",
			"unsafe-hashes", "strict-dynamic", "report-sample", "wasm-unsafe-eval", "unsafe-allow-redirects",
			"inline-speculation-rules", "trusted-types-eval", "report-sha256", "report-sha384", "report-sha512");

	private static final List<String> QUOTED_PREFIXES = List.of("nonce-", "sha256-", "sha384-", "sha512-");

	private final String[] segments;

	private final Map<String, String> directives;

	private final String[] order;

	private ContentSecurityPolicy(String[] segments, Map<String, String> directives) {
		this.segments = segments;
		this.directives = Map.copyOf(directives);
		this.order = directives.keySet().toArray(String[]::new);
	}

	/**
	 * Validates and renders a policy.
	 * @param directives directive name to value, in order; an empty value sends the directive without a
	 * value (e.g. {@code upgrade-insecure-requests}), {@value #DROPPED} drops it
	 * @param propertyPrefix property the directives came from, used in error messages
	 * @return the policy
	 * @throws InvalidPolicyException naming the property of the first invalid directive
	 */
	public static ContentSecurityPolicy of(Map<String, String> directives, String propertyPrefix) {
		Map<String, String> effective = new LinkedHashMap<>();
		directives.forEach((name, value) -> {
			String trimmed = (value != null) ? value.trim().replaceAll("\\s+", " ") : "";
			if (!DROPPED.equalsIgnoreCase(trimmed)) {
				validate(name, trimmed, propertyPrefix + "." + name);
				effective.put(name.toLowerCase(Locale.ROOT), trimmed);
			}
		});
		StringBuilder text = new StringBuilder();
		effective.forEach((name, value) -> {
			if (text.length() > 0) {
				text.append("; ");
			}
			text.append(name);
			if (!value.isEmpty()) {
				text.append(' ').append(value);
			}
		});
		List<String> segments = new ArrayList<>();
		String rendered = text.toString();
		int from = 0;
		int at;
		while ((at = rendered.indexOf(NONCE_PLACEHOLDER, from)) >= 0) {
			segments.add(rendered.substring(from, at));
			from = at + NONCE_PLACEHOLDER.length();
		}
		segments.add(rendered.substring(from));
		return new ContentSecurityPolicy(segments.toArray(String[]::new), effective);
	}

	/**
	 * Tells whether the policy needs a per-request nonce.
	 * @return whether a nonce placeholder is present
	 */
	public boolean usesNonce() {
		return this.segments.length > 1;
	}

	/**
	 * Tells whether the policy is empty, in which case no header is sent.
	 * @return whether there is no directive
	 */
	public boolean isEmpty() {
		return this.directives.isEmpty();
	}

	/**
	 * Tells whether a directive is present.
	 * @param name directive name
	 * @return whether it is present
	 */
	public boolean has(String name) {
		return this.directives.containsKey(name);
	}

	/**
	 * Returns the value of a directive.
	 * @param name directive name
	 * @return its value, or {@code null} when absent
	 */
	public String get(String name) {
		return this.directives.get(name);
	}

	/**
	 * Returns this policy with one directive's value replaced (or added).
	 * @param name directive name
	 * @param value new value
	 * @return the new policy
	 */
	public ContentSecurityPolicy with(String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>();
		String[] order = this.order;
		for (String directive : order) {
			changed.put(directive, directive.equals(name) ? value : this.directives.get(directive));
		}
		changed.putIfAbsent(name, value);
		return of(changed, "(derived)");
	}

	/**
	 * Renders the header value.
	 * @param nonce the request's nonce, ignored when the policy uses none
	 * @return the header value
	 */
	public String render(String nonce) {
		if (this.segments.length == 1) {
			return this.segments[0];
		}
		StringBuilder sb = new StringBuilder(this.segments[0].length() * 2);
		sb.append(this.segments[0]);
		for (int i = 1; i < this.segments.length; i++) {
			sb.append(nonce).append(this.segments[i]);
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return render(NONCE_PLACEHOLDER);
	}

	private static void validate(String name, String value, String property) {
		if (!name.matches("[a-zA-Z][a-zA-Z0-9-]*")) {
			throw new InvalidPolicyException(property, name, "'" + name + "' is not a CSP directive name");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ';' || c == ',') {
				throw new InvalidPolicyException(property, value,
						"'" + c + "' is not allowed inside a directive value; give each directive its own property");
			}
			if (c < 0x20 || c > 0x7e) {
				throw new InvalidPolicyException(property, value, "only printable ASCII is allowed in a CSP value");
			}
		}
		if (value.isEmpty()) {
			return;
		}
		for (String token : value.split(" ")) {
			String lower = token.toLowerCase(Locale.ROOT);
			if (KEYWORDS.contains(lower) || QUOTED_PREFIXES.stream().anyMatch(lower::startsWith)) {
				throw new InvalidPolicyException(property, value,
						"'" + token + "' must be quoted: write \"'" + token + "'\"");
			}
			if (token.contains(NONCE_PLACEHOLDER) && !token.equals("'nonce-" + NONCE_PLACEHOLDER + "'")) {
				throw new InvalidPolicyException(property, value,
						"the nonce placeholder is only allowed as \"'nonce-" + NONCE_PLACEHOLDER + "'\"");
			}
			if (token.startsWith("'") != token.endsWith("'") || token.equals("'")) {
				throw new InvalidPolicyException(property, value, "'" + token + "' has unbalanced quotes");
			}
		}
	}

	/**
	 * Thrown when a policy is invalid; names the property to fix.
	 */
	public static class InvalidPolicyException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final String property;

		private final String value;

		InvalidPolicyException(String property, String value, String reason) {
			super(reason);
			this.property = property;
			this.value = value;
		}

		/**
		 * Returns the offending property.
		 * @return the property name
		 */
		public String getProperty() {
			return this.property;
		}

		/**
		 * Returns the offending value.
		 * @return the value
		 */
		public String getValue() {
			return this.value;
		}

	}

}
