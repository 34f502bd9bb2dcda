package io.github.hardening.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbound load shedding: a limit on concurrently processed requests, beyond which requests are refused at once
 * with 503 instead of queueing until they time out.
 */
@ConfigurationProperties("hardening.load-shedding")
public class LoadSheddingProperties {

	/**
	 * Whether requests over the concurrency limit are shed.
	 */
	private boolean enabled = false;

	/**
	 * Maximum number of requests processed at the same time.
	 */
	private int maxConcurrentRequests = 200;

	/**
	 * Number of requests that may wait for a free slot when the limit is reached; 0 sheds at once.
	 */
	private int queueSize = 0;

	/**
	 * Longest time a queued request waits for a free slot before it is shed.
	 */
	private Duration queueTimeout = Duration.ofMillis(50);

	/**
	 * Delay sent in Retry-After with a shed request.
	 */
	private Duration retryAfter = Duration.ofSeconds(1);

	/**
	 * Path patterns that are never shed, such as health probes.
	 */
	private List<String> excludedPaths = new ArrayList<>(
			List.of("/actuator/**", "/livez", "/readyz", "/error"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxConcurrentRequests() {
		return this.maxConcurrentRequests;
	}

	public void setMaxConcurrentRequests(int maxConcurrentRequests) {
		this.maxConcurrentRequests = maxConcurrentRequests;
	}

	public int getQueueSize() {
		return this.queueSize;
	}

	public void setQueueSize(int queueSize) {
		this.queueSize = queueSize;
	}

	public Duration getQueueTimeout() {
		return this.queueTimeout;
	}

	public void setQueueTimeout(Duration queueTimeout) {
		this.queueTimeout = queueTimeout;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	public List<String> getExcludedPaths() {
		return this.excludedPaths;
	}

	public void setExcludedPaths(List<String> excludedPaths) {
		this.excludedPaths = excludedPaths;
	}

}
