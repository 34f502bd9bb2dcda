package io.github.hardening.https;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Enforcement of HTTPS for requests that arrive over plain HTTP (as seen through trusted proxies).
 */
@ConfigurationProperties("hardening.https")
public class HttpsProperties {

	/**
	 * Whether the HTTPS feature is active; the redirect itself is switched on separately.
	 */
	private boolean enabled = true;

	/**
	 * Redirect of plain HTTP requests to HTTPS.
	 */
	private final Redirect redirect = new Redirect();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Redirect getRedirect() {
		return this.redirect;
	}

	/**
	 * Redirect of plain HTTP requests to HTTPS.
	 */
	public static class Redirect {

		/**
		 * Whether plain HTTP requests are redirected to HTTPS.
		 */
		private boolean enabled = false;

		/**
		 * Status of the redirect: 308 keeps the method and body, 301 lets clients turn a POST into a GET.
		 */
		private int status = 308;

		/**
		 * Port of the HTTPS URL; omitted from the URL when 443.
		 */
		private int port = 443;

		/**
		 * Host of the HTTPS URL. When empty, the host the client asked for (validated) is used.
		 */
		private String host;

		/**
		 * Path patterns that are never redirected, such as probes a load balancer calls over HTTP.
		 */
		private List<String> excludedPaths = new ArrayList<>(
				List.of("/actuator/health", "/actuator/health/**", "/livez", "/readyz"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getStatus() {
			return this.status;
		}

		public void setStatus(int status) {
			this.status = status;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public List<String> getExcludedPaths() {
			return this.excludedPaths;
		}

		public void setExcludedPaths(List<String> excludedPaths) {
			this.excludedPaths = excludedPaths;
		}

	}

}
