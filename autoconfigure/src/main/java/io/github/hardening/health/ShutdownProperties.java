package io.github.hardening.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Graceful shutdown: readiness is withdrawn first, traffic drains, then the web server stops.
 */
@ConfigurationProperties("hardening.shutdown")
public class ShutdownProperties {

	/**
	 * Whether shutdown drains traffic: readiness refuses first, then the server keeps serving for the drain delay.
	 */
	private boolean enabled = true;

	/**
	 * How long the server keeps serving after readiness turned to refusing, so load balancers notice.
	 */
	private Duration drainDelay = Duration.ofSeconds(5);

	/**
	 * Whether SIGTERM exits with status 0 after the graceful shutdown, instead of the JVM's 143.
	 */
	private boolean exitZeroOnSigterm = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDrainDelay() {
		return this.drainDelay;
	}

	public void setDrainDelay(Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

	public boolean isExitZeroOnSigterm() {
		return this.exitZeroOnSigterm;
	}

	public void setExitZeroOnSigterm(boolean exitZeroOnSigterm) {
		this.exitZeroOnSigterm = exitZeroOnSigterm;
	}

}
