package io.github.hardening.cors;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Which other origins may call the application from a browser, globally and per path.
 */
@ConfigurationProperties("hardening.cors")
public class CorsProperties {

	/** Whether the CORS policy is enforced. */
	private boolean enabled = true;

	/** Exact origins (scheme://host[:port]) allowed to make cross-origin requests, or '*' for any. */
	private List<String> allowedOrigins = new ArrayList<>();

	/** Origin patterns with '*' wildcards for leading host labels and [port,list] suffixes. */
	private List<String> allowedOriginPatterns = new ArrayList<>();

	/** HTTP methods allowed in cross-origin requests, or '*' for any. */
	private List<String> allowedMethods = new ArrayList<>(List.of("GET", "HEAD", "POST"));

	/** Request headers a cross-origin request may send, or '*' for any. */
	private List<String> allowedHeaders = new ArrayList<>(List.of("Content-Type", "Authorization", "X-Request-ID"));

	/** Response headers, beyond the CORS-safelisted ones, that a cross-origin caller may read. */
	private List<String> exposedHeaders = new ArrayList<>(
			List.of("X-Request-ID", "RateLimit", "RateLimit-Policy", "Retry-After"));

	/** Whether cross-origin requests may carry cookies and HTTP authentication. */
	private boolean allowCredentials = false;

	/** How long browsers may cache a preflight response. Seconds if no unit is given. */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxAge = Duration.ofMinutes(10);

	/** Whether the opaque 'null' origin (sandboxed iframes, file: pages) is allowed. */
	private boolean allowNullOrigin = false;

	/** Policies for specific paths; the first mapping whose paths match wins over the global policy. */
	private List<Mapping> mappings = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<String> getAllowedOriginPatterns() {
		return this.allowedOriginPatterns;
	}

	public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
		this.allowedOriginPatterns = allowedOriginPatterns;
	}

	public List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(List<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isAllowNullOrigin() {
		return this.allowNullOrigin;
	}

	public void setAllowNullOrigin(boolean allowNullOrigin) {
		this.allowNullOrigin = allowNullOrigin;
	}

	public List<Mapping> getMappings() {
		return this.mappings;
	}

	public void setMappings(List<Mapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The policy of some paths. A field left unset inherits the global value, so a mapping only states
	 * what differs.
	 */
	public static class Mapping {

		/** Path patterns (PathPattern syntax, e.g. /api/public/**) this mapping applies to. */
		private List<String> paths = new ArrayList<>();

		/** Exact origins allowed on these paths. */
		private List<String> allowedOrigins;

		/** Origin patterns allowed on these paths. */
		private List<String> allowedOriginPatterns;

		/** HTTP methods allowed on these paths. */
		private List<String> allowedMethods;

		/** Request headers allowed on these paths. */
		private List<String> allowedHeaders;

		/** Response headers exposed on these paths. */
		private List<String> exposedHeaders;

		/** Whether cross-origin requests to these paths may carry cookies and HTTP authentication. */
		private Boolean allowCredentials;

		/** How long browsers may cache a preflight response for these paths. */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration maxAge;

		/** Whether the opaque 'null' origin is allowed on these paths. */
		private Boolean allowNullOrigin;

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public List<String> getAllowedOriginPatterns() {
			return this.allowedOriginPatterns;
		}

		public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
			this.allowedOriginPatterns = allowedOriginPatterns;
		}

		public List<String> getAllowedMethods() {
			return this.allowedMethods;
		}

		public void setAllowedMethods(List<String> allowedMethods) {
			this.allowedMethods = allowedMethods;
		}

		public List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public List<String> getExposedHeaders() {
			return this.exposedHeaders;
		}

		public void setExposedHeaders(List<String> exposedHeaders) {
			this.exposedHeaders = exposedHeaders;
		}

		public Boolean getAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(Boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Boolean getAllowNullOrigin() {
			return this.allowNullOrigin;
		}

		public void setAllowNullOrigin(Boolean allowNullOrigin) {
			this.allowNullOrigin = allowNullOrigin;
		}

	}

}
