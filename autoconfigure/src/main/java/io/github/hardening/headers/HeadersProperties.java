package io.github.hardening.headers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Security response headers.
 */
@ConfigurationProperties("hardening.headers")
public class HeadersProperties {

	/**
	 * Whether security headers are added to responses.
	 */
	private boolean enabled = true;

	/**
	 * Preset per path pattern (Spring PathPattern syntax, e.g. "[/app/**]": web). The most specific matching
	 * pattern wins.
	 */
	private Map<String, HeaderPreset> presets = new LinkedHashMap<>(Map.of("/**", HeaderPreset.API));

	/**
	 * Headers of the 'api' preset.
	 */
	@NestedConfigurationProperty
	private PresetProperties api = PresetProperties.api();

	/**
	 * Headers of the 'web' preset.
	 */
	@NestedConfigurationProperty
	private PresetProperties web = PresetProperties.web();

	/**
	 * Content-Security-Policy rollout and reporting.
	 */
	private final Csp csp = new Csp();

	/**
	 * Strict-Transport-Security, sent on secure requests only.
	 */
	private final Hsts hsts = new Hsts();

	/**
	 * Value of Referrer-Policy. Empty to not send it.
	 */
	private String referrerPolicy = "no-referrer";

	/**
	 * Value of Permissions-Policy. Empty to not send it.
	 */
	private String permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
			+ "hid=(), midi=(), display-capture=(), xr-spatial-tracking=(), accelerometer=(), gyroscope=(), "
			+ "magnetometer=()";

	/**
	 * Value of Cross-Origin-Opener-Policy. Empty to not send it.
	 */
	private String crossOriginOpenerPolicy = "same-origin";

	/**
	 * Value of Cross-Origin-Resource-Policy. Empty to not send it.
	 */
	private String crossOriginResourcePolicy = "same-origin";

	/**
	 * Value of Cross-Origin-Embedder-Policy, e.g. 'require-corp'. Empty to not send it.
	 */
	private String crossOriginEmbedderPolicy = "";

	/**
	 * Whether 'Origin-Agent-Cluster: ?1' is sent.
	 */
	private boolean originAgentCluster = true;

	/**
	 * Whether 'X-Content-Type-Options: nosniff' is sent.
	 */
	private boolean contentTypeOptions = true;

	/**
	 * Value of X-Permitted-Cross-Domain-Policies. Empty to not send it.
	 */
	private String permittedCrossDomainPolicies = "none";

	/**
	 * Value of X-DNS-Prefetch-Control. Empty to not send it.
	 */
	private String dnsPrefetchControl = "off";

	/**
	 * Value of X-XSS-Protection; '0' turns off the legacy auditor, which itself enabled attacks. Empty to
	 * not send it.
	 */
	private String xssProtection = "0";

	/**
	 * Response headers that are never sent, whoever sets them.
	 */
	private List<String> removed = new ArrayList<>(List.of("Server", "X-Powered-By", "X-AspNet-Version"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, HeaderPreset> getPresets() {
		return this.presets;
	}

	public void setPresets(Map<String, HeaderPreset> presets) {
		this.presets = presets;
	}

	public PresetProperties getApi() {
		return this.api;
	}

	public void setApi(PresetProperties api) {
		this.api = api;
	}

	public PresetProperties getWeb() {
		return this.web;
	}

	public void setWeb(PresetProperties web) {
		this.web = web;
	}

	public Csp getCsp() {
		return this.csp;
	}

	public Hsts getHsts() {
		return this.hsts;
	}

	public String getReferrerPolicy() {
		return this.referrerPolicy;
	}

	public void setReferrerPolicy(String referrerPolicy) {
		this.referrerPolicy = referrerPolicy;
	}

	public String getPermissionsPolicy() {
		return this.permissionsPolicy;
	}

	public void setPermissionsPolicy(String permissionsPolicy) {
		this.permissionsPolicy = permissionsPolicy;
	}

	public String getCrossOriginOpenerPolicy() {
		return this.crossOriginOpenerPolicy;
	}

	public void setCrossOriginOpenerPolicy(String crossOriginOpenerPolicy) {
		this.crossOriginOpenerPolicy = crossOriginOpenerPolicy;
	}

	public String getCrossOriginResourcePolicy() {
		return this.crossOriginResourcePolicy;
	}

	public void setCrossOriginResourcePolicy(String crossOriginResourcePolicy) {
		this.crossOriginResourcePolicy = crossOriginResourcePolicy;
	}

	public String getCrossOriginEmbedderPolicy() {
		return this.crossOriginEmbedderPolicy;
	}

	public void setCrossOriginEmbedderPolicy(String crossOriginEmbedderPolicy) {
		this.crossOriginEmbedderPolicy = crossOriginEmbedderPolicy;
	}

	public boolean isOriginAgentCluster() {
		return this.originAgentCluster;
	}

	public void setOriginAgentCluster(boolean originAgentCluster) {
		this.originAgentCluster = originAgentCluster;
	}

	public boolean isContentTypeOptions() {
		return this.contentTypeOptions;
	}

	public void setContentTypeOptions(boolean contentTypeOptions) {
		this.contentTypeOptions = contentTypeOptions;
	}

	public String getPermittedCrossDomainPolicies() {
		return this.permittedCrossDomainPolicies;
	}

	public void setPermittedCrossDomainPolicies(String permittedCrossDomainPolicies) {
		this.permittedCrossDomainPolicies = permittedCrossDomainPolicies;
	}

	public String getDnsPrefetchControl() {
		return this.dnsPrefetchControl;
	}

	public void setDnsPrefetchControl(String dnsPrefetchControl) {
		this.dnsPrefetchControl = dnsPrefetchControl;
	}

	public String getXssProtection() {
		return this.xssProtection;
	}

	public void setXssProtection(String xssProtection) {
		this.xssProtection = xssProtection;
	}

	public List<String> getRemoved() {
		return this.removed;
	}

	public void setRemoved(List<String> removed) {
		this.removed = removed;
	}

	/**
	 * Headers that differ between presets.
	 */
	public static class PresetProperties {

		/**
		 * Content-Security-Policy directives, name to value. An empty value sends the directive without a
		 * value; 'false' drops a default directive; 'nonce-{nonce}' inserts the request's nonce.
		 */
		private Map<String, String> contentSecurityPolicy = new LinkedHashMap<>();

		/**
		 * Value of X-Frame-Options.
		 */
		private FrameOptions frameOptions = FrameOptions.DENY;

		/**
		 * Value of Cache-Control, sent only when the application did not set its own. Empty to not send it.
		 */
		private String cacheControl = "";

		static PresetProperties api() {
			PresetProperties api = new PresetProperties();
			api.contentSecurityPolicy.put("default-src", "'none'");
			api.contentSecurityPolicy.put("frame-ancestors", "'none'");
			api.frameOptions = FrameOptions.DENY;
			api.cacheControl = "no-store";
			return api;
		}

		static PresetProperties web() {
			PresetProperties web = new PresetProperties();
			Map<String, String> csp = web.contentSecurityPolicy;
			csp.put("default-src", "'self'");
			csp.put("base-uri", "'self'");
			csp.put("font-src", "'self' https: data:");
			csp.put("form-action", "'self'");
			csp.put("frame-ancestors", "'self'");
			csp.put("img-src", "'self' data:");
			csp.put("object-src", "'none'");
			csp.put("script-src", "'self' 'nonce-{nonce}'");
			csp.put("script-src-attr", "'none'");
			csp.put("style-src", "'self' https: 'unsafe-inline'");
			csp.put("upgrade-insecure-requests", "");
			web.frameOptions = FrameOptions.SAMEORIGIN;
			return web;
		}

		public Map<String, String> getContentSecurityPolicy() {
			return this.contentSecurityPolicy;
		}

		public void setContentSecurityPolicy(Map<String, String> contentSecurityPolicy) {
			this.contentSecurityPolicy = contentSecurityPolicy;
		}

		public FrameOptions getFrameOptions() {
			return this.frameOptions;
		}

		public void setFrameOptions(FrameOptions frameOptions) {
			this.frameOptions = frameOptions;
		}

		public String getCacheControl() {
			return this.cacheControl;
		}

		public void setCacheControl(String cacheControl) {
			this.cacheControl = cacheControl;
		}

	}

	/**
	 * Content-Security-Policy rollout and reporting.
	 */
	public static class Csp {

		/**
		 * Whether the policy is sent as Content-Security-Policy-Report-Only, which reports violations
		 * without blocking anything.
		 */
		private boolean reportOnly = false;

		/**
		 * Built-in endpoint that receives violation reports.
		 */
		private final ReportEndpoint reportEndpoint = new ReportEndpoint();

		public boolean isReportOnly() {
			return this.reportOnly;
		}

		public void setReportOnly(boolean reportOnly) {
			this.reportOnly = reportOnly;
		}

		public ReportEndpoint getReportEndpoint() {
			return this.reportEndpoint;
		}

	}

	/**
	 * Built-in receiver of CSP violation reports.
	 */
	public static class ReportEndpoint {

		/**
		 * Whether the endpoint is served and the policies point report-uri and report-to at it.
		 */
		private boolean enabled = false;

		/**
		 * Path the endpoint is served at.
		 */
		private String path = "/csp-reports";

		/**
		 * Largest report body accepted; larger ones get 413.
		 */
		private DataSize maxSize = DataSize.ofKilobytes(16);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Strict-Transport-Security.
	 */
	public static class Hsts {

		/**
		 * Whether Strict-Transport-Security is sent on secure requests.
		 */
		private boolean enabled = true;

		/**
		 * How long browsers remember to use HTTPS only.
		 */
		private Duration maxAge = Duration.ofDays(365);

		/**
		 * Whether the policy covers subdomains.
		 */
		private boolean includeSubDomains = true;

		/**
		 * Whether the 'preload' token is sent; only set it once the domain is submitted to the preload list.
		 */
		private boolean preload = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public boolean isIncludeSubDomains() {
			return this.includeSubDomains;
		}

		public void setIncludeSubDomains(boolean includeSubDomains) {
			this.includeSubDomains = includeSubDomains;
		}

		public boolean isPreload() {
			return this.preload;
		}

		public void setPreload(boolean preload) {
			this.preload = preload;
		}

	}

}
