package io.github.hardening.headers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PatternParseException;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.hardening.headers.HeadersProperties.PresetProperties;

/**
 * Turns {@link HeadersProperties} into the rendered headers of each preset, validating every value and
 * naming the property of the first invalid one.
 */
final class SecurityHeadersMapper {

	static final String REPORT_GROUP = "csp-endpoint";

	private final HeadersProperties properties;

	SecurityHeadersMapper(HeadersProperties properties) {
		this.properties = properties;
	}

	PresetResolver presetResolver() {
		PresetHeaders api = presetHeaders(HeaderPreset.API, this.properties.getApi());
		PresetHeaders web = presetHeaders(HeaderPreset.WEB, this.properties.getWeb());
		Map<String, PresetHeaders> patterns = new LinkedHashMap<>();
		this.properties.getPresets().forEach((pattern, preset) -> {
			try {
				PathPatternParser.defaultInstance.parse(pattern);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException("hardening.headers.presets[" + pattern + "]",
						preset, "'" + pattern + "' is not a valid path pattern: " + ex.getMessage());
			}
			patterns.put(pattern, (preset == HeaderPreset.WEB) ? web : api);
		});
		return new PresetResolver(patterns, api);
	}

	PresetHeaders presetHeaders(HeaderPreset preset, PresetProperties presetProperties) {
		String prefix = "hardening.headers." + preset.name().toLowerCase(java.util.Locale.ROOT);
		Map<String, String> headers = new LinkedHashMap<>();
		PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
		HeadersProperties p = this.properties;
		if (p.isContentTypeOptions()) {
			headers.put("X-Content-Type-Options", "nosniff");
		}
		map.from(p::getReferrerPolicy).whenHasText()
			.as((v) -> HeaderValues.oneOf("hardening.headers.referrer-policy", v, HeaderValues.REFERRER_POLICIES, true))
			.to((v) -> headers.put("Referrer-Policy", v));
		map.from(p::getPermissionsPolicy).whenHasText()
			.as((v) -> HeaderValues.printable("hardening.headers.permissions-policy", v))
			.to((v) -> headers.put("Permissions-Policy", v));
		map.from(p::getCrossOriginOpenerPolicy).whenHasText()
			.as((v) -> HeaderValues.oneOf("hardening.headers.cross-origin-opener-policy", v,
					HeaderValues.OPENER_POLICIES, false))
			.to((v) -> headers.put("Cross-Origin-Opener-Policy", v));
		map.from(p::getCrossOriginResourcePolicy).whenHasText()
			.as((v) -> HeaderValues.oneOf("hardening.headers.cross-origin-resource-policy", v,
					HeaderValues.RESOURCE_POLICIES, false))
			.to((v) -> headers.put("Cross-Origin-Resource-Policy", v));
		map.from(p::getCrossOriginEmbedderPolicy).whenHasText()
			.as((v) -> HeaderValues.oneOf("hardening.headers.cross-origin-embedder-policy", v,
					HeaderValues.EMBEDDER_POLICIES, false))
			.to((v) -> headers.put("Cross-Origin-Embedder-Policy", v));
		if (p.isOriginAgentCluster()) {
			headers.put("Origin-Agent-Cluster", "?1");
		}
		map.from(p::getPermittedCrossDomainPolicies).whenHasText()
			.as((v) -> HeaderValues.printable("hardening.headers.permitted-cross-domain-policies", v))
			.to((v) -> headers.put("X-Permitted-Cross-Domain-Policies", v));
		map.from(p::getDnsPrefetchControl).whenHasText()
			.as((v) -> HeaderValues.printable("hardening.headers.dns-prefetch-control", v))
			.to((v) -> headers.put("X-DNS-Prefetch-Control", v));
		map.from(p::getXssProtection).whenHasText()
			.as((v) -> HeaderValues.printable("hardening.headers.xss-protection", v))
			.to((v) -> headers.put("X-XSS-Protection", v));
		map.from(presetProperties::getFrameOptions).when((v) -> v != FrameOptions.DISABLED)
			.to((v) -> headers.put("X-Frame-Options", v.name()));
		map.from(presetProperties::getCacheControl).whenHasText()
			.as((v) -> HeaderValues.printable(prefix + ".cache-control", v))
			.to((v) -> headers.put("Cache-Control", v));
		boolean reporting = reportsViolations(preset);
		if (reporting) {
			headers.put("Reporting-Endpoints", REPORT_GROUP + "=\"" + reportPath() + "\"");
		}
		return new PresetHeaders(preset, headers, hsts(), csp(presetProperties, prefix, reporting),
				p.getCsp().isReportOnly());
	}

	/**
	 * Only pages report violations: an api response is not rendered as a document, so under
	 * {@code default-src 'none'} nothing in it can load, and the reporting directives would only add bytes
	 * to every response.
	 */
	private boolean reportsViolations(HeaderPreset preset) {
		return preset == HeaderPreset.WEB && this.properties.getCsp().getReportEndpoint().isEnabled();
	}

	String reportPath() {
		String path = this.properties.getCsp().getReportEndpoint().getPath();
		if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
			throw new InvalidConfigurationPropertyValueException("hardening.headers.csp.report-endpoint.path", path,
					"The report endpoint needs a plain absolute path such as /csp-reports.");
		}
		return HeaderValues.printable("hardening.headers.csp.report-endpoint.path", path);
	}

	private ContentSecurityPolicy csp(PresetProperties presetProperties, String prefix, boolean reporting) {
		Map<String, String> directives = new LinkedHashMap<>(presetProperties.getContentSecurityPolicy());
		if (reporting) {
			directives.putIfAbsent("report-uri", reportPath());
			directives.putIfAbsent("report-to", REPORT_GROUP);
		}
		try {
			return ContentSecurityPolicy.of(directives, prefix + ".content-security-policy");
		}
		catch (ContentSecurityPolicy.InvalidPolicyException ex) {
			throw new InvalidConfigurationPropertyValueException(ex.getProperty(), ex.getValue(), ex.getMessage());
		}
	}

	private String hsts() {
		HeadersProperties.Hsts hsts = this.properties.getHsts();
		if (!hsts.isEnabled()) {
			return null;
		}
		if (hsts.getMaxAge() == null || hsts.getMaxAge().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("hardening.headers.hsts.max-age", hsts.getMaxAge(),
					"HSTS max-age must be zero or positive.");
		}
		if (hsts.isPreload() && (!hsts.isIncludeSubDomains() || hsts.getMaxAge().toDays() < 365)) {
			throw new InvalidConfigurationPropertyValueException("hardening.headers.hsts.preload", true,
					"The preload list requires include-sub-domains=true and a max-age of at least 365 days.");
		}
		StringBuilder value = new StringBuilder("max-age=").append(hsts.getMaxAge().toSeconds());
		if (hsts.isIncludeSubDomains()) {
			value.append("; includeSubDomains");
		}
		if (hsts.isPreload()) {
			value.append("; preload");
		}
		return value.toString();
	}

}
