package io.github.hardening.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that apply to the starter as a whole.
 */
@ConfigurationProperties("hardening")
public class HardeningProperties {

	/**
	 * Whether any hardening feature is active. When false the application behaves as if the starter were
	 * absent.
	 */
	private boolean enabled = true;

	/**
	 * How the startup audit treats findings: 'warn' logs each once, 'strict' refuses to start.
	 */
	private HardeningMode mode = HardeningMode.WARN;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public HardeningMode getMode() {
		return this.mode;
	}

	public void setMode(HardeningMode mode) {
		this.mode = mode;
	}

}
