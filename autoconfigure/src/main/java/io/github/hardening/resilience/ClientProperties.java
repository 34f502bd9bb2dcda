package io.github.hardening.resilience;

import java.util.ArrayList;
import java.util.List;

/**
 * One named downstream: which hosts it covers and the settings that differ from the defaults. Unset settings
 * inherit from {@code hardening.resilience.defaults}.
 */
public class ClientProperties extends ResiliencePolicy {

	/**
	 * Whether calls to this client go through the pipeline; false passes them through untouched.
	 */
	private boolean enabled = true;

	/**
	 * Whether this downstream is critical: while its circuit breaker is open the instance reports not ready.
	 */
	private boolean critical = false;

	/**
	 * Host names (or base URLs, whose host is used) whose calls belong to this client.
	 */
	private List<String> hosts = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isCritical() {
		return this.critical;
	}

	public void setCritical(boolean critical) {
		this.critical = critical;
	}

	public List<String> getHosts() {
		return this.hosts;
	}

	public void setHosts(List<String> hosts) {
		this.hosts = hosts;
	}

}
