package io.github.hardening.cors;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The validated CORS policies of the application and the lookup of the one that applies to a request.
 */
public class CorsPolicies {

	private final List<CorsPolicySettings> settings;

	private final UrlBasedCorsConfigurationSource source;

	private final boolean allowAnyOrigin;

	private final CorsConfiguration everyPath;

	/**
	 * Validates the settings and prepares the lookup.
	 * @param properties the bound properties
	 * @param validator the validator to apply
	 * @throws InvalidConfigurationPropertyValueException when a policy is unsafe or malformed
	 */
	public CorsPolicies(CorsProperties properties, CorsPolicyValidator validator) {
		this.settings = CorsPolicySettings.all(properties);
		validator.validateAll(this.settings);
		this.source = CorsPolicyMapper.toSource(this.settings);
		this.allowAnyOrigin = this.source.getCorsConfigurations().values().stream().anyMatch(CorsDecider::allowsAnyOrigin);
		Map<String, CorsConfiguration> configurations = this.source.getCorsConfigurations();
		this.everyPath = (configurations.size() == 1 && configurations.containsKey("/**")) ? configurations.get("/**")
				: null;
	}

	/**
	 * Tells whether any policy lets any origin in; when none does, there is no cross-origin access at all.
	 * @return whether some policy allows some origin
	 */
	public boolean allowAnyOrigin() {
		return this.allowAnyOrigin;
	}

	/**
	 * Returns the policy of a request's path: the first mapping whose paths match, else the global policy.
	 * @param request the request
	 * @return the policy, {@code null} only when no pattern matches at all
	 */
	public CorsConfiguration policyFor(HttpServletRequest request) {
		if (this.everyPath != null) {
			// Only the global policy (no mappings): no path to parse on the request path.
			return this.everyPath;
		}
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return this.source.getCorsConfiguration(request);
		}
		ServletRequestPathUtils.parseAndCache(request);
		try {
			return this.source.getCorsConfiguration(request);
		}
		finally {
			// Leave the request as found; Spring MVC parses and caches the path itself.
			ServletRequestPathUtils.clearParsedRequestPath(request);
		}
	}

	/**
	 * Returns the effective settings of every policy, mappings first, the global policy last.
	 * @return the settings
	 */
	public List<CorsPolicySettings> settings() {
		return this.settings;
	}

}
