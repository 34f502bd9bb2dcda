package io.github.hardening.cors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Maps validated policy settings onto Spring's {@link CorsConfiguration} and registers them by path.
 */
final class CorsPolicyMapper {

	private CorsPolicyMapper() {
	}

	/**
	 * Builds the configuration of one policy. Origins and patterns are lower-cased because browsers send
	 * scheme and host in lower case and Spring matches patterns case-sensitively. An allowed 'null' origin
	 * becomes the literal {@code null} entry, the only way {@link CorsDecider} lets it in.
	 * @param settings the policy
	 * @return the configuration
	 */
	static CorsConfiguration toConfiguration(CorsPolicySettings settings) {
		CorsConfiguration configuration = new CorsConfiguration();
		PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
		map.from(settings::allowedOrigins)
			.as(CorsPolicyMapper::lowerCase)
			.as((origins) -> withNullOrigin(origins, settings.allowNullOrigin()))
			.to(configuration::setAllowedOrigins);
		map.from(settings::allowedOriginPatterns).as(CorsPolicyMapper::lowerCase).to(configuration::setAllowedOriginPatterns);
		map.from(settings::allowedMethods).to(configuration::setAllowedMethods);
		map.from(settings::allowedHeaders).to(configuration::setAllowedHeaders);
		map.from(settings::exposedHeaders).to(configuration::setExposedHeaders);
		map.from(settings::allowCredentials).to(configuration::setAllowCredentials);
		map.from(settings::maxAge).to(configuration::setMaxAge);
		return configuration;
	}

	/**
	 * Registers every policy under its paths, in matching order: the first registered pattern that
	 * matches wins, so mappings come before the global {@code /**}.
	 * @param policies the policies, as returned by {@link CorsPolicySettings#all}
	 * @return the source that picks a request's policy
	 */
	static UrlBasedCorsConfigurationSource toSource(List<CorsPolicySettings> policies) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource(PathPatternParser.defaultInstance);
		// Without this, paths not yet parsed by Spring MVC would be matched with AntPathMatcher semantics.
		source.setAllowInitLookupPath(false);
		for (CorsPolicySettings policy : policies) {
			CorsConfiguration configuration = toConfiguration(policy);
			for (String path : policy.paths()) {
				if (!source.getCorsConfigurations().containsKey(path)) {
					source.registerCorsConfiguration(path, configuration);
				}
			}
		}
		return source;
	}

	private static List<String> lowerCase(List<String> values) {
		return values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
	}

	private static List<String> withNullOrigin(List<String> origins, boolean allowNullOrigin) {
		List<String> result = new ArrayList<>(origins);
		result.removeIf(OriginRules.NULL_ORIGIN::equals);
		if (allowNullOrigin) {
			result.add(OriginRules.NULL_ORIGIN);
		}
		return result;
	}

}
