package io.github.hardening.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective settings of one policy, the global one or a mapping's, together with the property each
 * value was read from: a mapping's own value where it sets one, else the inherited global value. Knowing
 * the source lets every error name the exact property to change.
 */
public final class CorsPolicySettings {

	/** Prefix of every CORS property. */
	public static final String PREFIX = "hardening.cors";

	/** Paths of the global policy: everything no mapping claims. */
	public static final String ALL_PATHS = "/**";

	private final CorsProperties global;

	private final CorsProperties.Mapping mapping;

	private final String prefix;

	private CorsPolicySettings(CorsProperties global, CorsProperties.Mapping mapping, String prefix) {
		this.global = global;
		this.mapping = mapping;
		this.prefix = prefix;
	}

	/**
	 * Returns every policy in matching order: each mapping as listed, then the global policy.
	 * @param properties the bound properties
	 * @return the policies, the global one last
	 */
	public static List<CorsPolicySettings> all(CorsProperties properties) {
		List<CorsPolicySettings> all = new ArrayList<>();
		for (int i = 0; i < properties.getMappings().size(); i++) {
			all.add(new CorsPolicySettings(properties, properties.getMappings().get(i),
					PREFIX + ".mappings[" + i + "]"));
		}
		all.add(new CorsPolicySettings(properties, null, PREFIX));
		return all;
	}

	/**
	 * Returns the property prefix of this policy, e.g. {@code hardening.cors.mappings[1]}.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Tells whether this is the global policy rather than a mapping.
	 * @return whether it is global
	 */
	public boolean isGlobal() {
		return this.mapping == null;
	}

	/**
	 * Returns the full name of the property the effective value of a field comes from.
	 * @param field kebab-case field name, e.g. {@code allowed-origins}
	 * @return e.g. {@code hardening.cors.mappings[1].allowed-origins}, or the global property when inherited
	 */
	public String property(String field) {
		return (declares(field) ? this.prefix : PREFIX) + "." + field;
	}

	/**
	 * Returns whether this policy sets a field itself, as opposed to inheriting it.
	 * @param field kebab-case field name
	 * @return whether the value is this policy's own
	 */
	public boolean declares(String field) {
		return this.mapping == null || "paths".equals(field) || ownValue(field) != null;
	}

	/**
	 * Returns the path patterns this policy applies to.
	 * @return the mapping's paths, or {@code /**} for the global policy
	 */
	public List<String> paths() {
		return (this.mapping != null) ? nonNull(this.mapping.getPaths()) : List.of(ALL_PATHS);
	}

	/**
	 * Returns the exact origins this policy allows.
	 * @return the origins, possibly empty
	 */
	public List<String> allowedOrigins() {
		return nonNull(inherit(this.global.getAllowedOrigins(), "allowed-origins"));
	}

	/**
	 * Returns the origin patterns this policy allows.
	 * @return the patterns, possibly empty
	 */
	public List<String> allowedOriginPatterns() {
		return nonNull(inherit(this.global.getAllowedOriginPatterns(), "allowed-origin-patterns"));
	}

	/**
	 * Returns the HTTP methods this policy allows.
	 * @return the methods
	 */
	public List<String> allowedMethods() {
		return nonNull(inherit(this.global.getAllowedMethods(), "allowed-methods"));
	}

	/**
	 * Returns the request headers this policy allows.
	 * @return the header names
	 */
	public List<String> allowedHeaders() {
		return nonNull(inherit(this.global.getAllowedHeaders(), "allowed-headers"));
	}

	/**
	 * Returns the response headers a caller may read.
	 * @return the header names
	 */
	public List<String> exposedHeaders() {
		return nonNull(inherit(this.global.getExposedHeaders(), "exposed-headers"));
	}

	/**
	 * Returns whether cookies and HTTP authentication may be sent.
	 * @return whether credentials are allowed
	 */
	public boolean allowCredentials() {
		return inherit(this.global.isAllowCredentials(), "allow-credentials");
	}

	/**
	 * Returns how long a browser may cache a preflight response.
	 * @return the duration, {@code null} when not set
	 */
	public Duration maxAge() {
		return inherit(this.global.getMaxAge(), "max-age");
	}

	/**
	 * Returns whether the opaque 'null' origin is allowed.
	 * @return whether it is allowed
	 */
	public boolean allowNullOrigin() {
		return inherit(this.global.isAllowNullOrigin(), "allow-null-origin");
	}

	@SuppressWarnings("unchecked")
	private <T> T inherit(T globalValue, String field) {
		Object own = ownValue(field);
		return (own != null) ? (T) own : globalValue;
	}

	private Object ownValue(String field) {
		if (this.mapping == null) {
			return null;
		}
		return switch (field) {
			case "allowed-origins" -> this.mapping.getAllowedOrigins();
			case "allowed-origin-patterns" -> this.mapping.getAllowedOriginPatterns();
			case "allowed-methods" -> this.mapping.getAllowedMethods();
			case "allowed-headers" -> this.mapping.getAllowedHeaders();
			case "exposed-headers" -> this.mapping.getExposedHeaders();
			case "allow-credentials" -> this.mapping.getAllowCredentials();
			case "max-age" -> this.mapping.getMaxAge();
			case "allow-null-origin" -> this.mapping.getAllowNullOrigin();
			default -> throw new IllegalArgumentException("Unknown CORS field " + field);
		};
	}

	private static List<String> nonNull(List<String> values) {
		return (values != null) ? values : List.of();
	}

}
