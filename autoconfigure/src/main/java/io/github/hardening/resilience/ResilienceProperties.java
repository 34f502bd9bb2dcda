package io.github.hardening.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resilience pipeline of outbound HTTP calls made with the auto-configured {@code RestClient.Builder} and
 * {@code RestTemplateBuilder}: defaults, and named clients that override them.
 */
@ConfigurationProperties("hardening.resilience")
public class ResilienceProperties {

	/**
	 * Whether outbound calls get the resilience pipeline.
	 */
	private boolean enabled = true;

	/**
	 * Settings every client starts from; also registered as resilience4j's 'default' configs.
	 */
	private final ResiliencePolicy defaults = ResiliencePolicy.withDefaults();

	/**
	 * Named clients, each matched by host or chosen explicitly with the request attribute
	 * 'hardening.resilience.client'.
	 */
	private Map<String, ClientProperties> clients = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ResiliencePolicy getDefaults() {
		return this.defaults;
	}

	public Map<String, ClientProperties> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, ClientProperties> clients) {
		this.clients = clients;
	}

}
