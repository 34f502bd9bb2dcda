package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token-bucket rate limits per client, API key, user or anything a request carries.
 */
@ConfigurationProperties("hardening.rate-limit")
public class RateLimitProperties {

	/**
	 * Whether rate limiting is active.
	 */
	private boolean enabled = true;

	/**
	 * Where buckets live: in this instance's memory, or in Redis shared by every instance.
	 */
	private RateLimitStoreType store = RateLimitStoreType.MEMORY;

	/**
	 * Most buckets the memory store keeps; the least recently used are dropped first, so a flood of distinct
	 * keys cannot grow memory without bound.
	 */
	private int maxKeys = 100_000;

	/**
	 * What happens when the store fails: open lets the request through, closed answers 503.
	 */
	private FailureMode failureMode = FailureMode.OPEN;

	/**
	 * Whether limited responses carry the RateLimit-Policy and RateLimit header fields.
	 */
	private boolean headers = true;

	/**
	 * Whether limited responses also carry X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset.
	 */
	private boolean legacyHeaders = false;

	/**
	 * Path patterns that are never limited.
	 */
	private List<String> excludedPaths = new ArrayList<>(List.of("/actuator", "/actuator/**"));

	/**
	 * Client addresses or CIDR blocks that are never limited.
	 */
	private List<String> allowList = new ArrayList<>();

	/**
	 * Client addresses or CIDR blocks that are always refused with 403.
	 */
	private List<String> denyList = new ArrayList<>();

	/**
	 * Rate-limit policies; a request matching several is checked against all of them.
	 */
	private List<RateLimitPolicyProperties> policies = new ArrayList<>();

	/**
	 * Redis store settings, used when the store is redis.
	 */
	private final Redis redis = new Redis();

	/**
	 * Temporary bans of keys that keep hitting their limits.
	 */
	private final Ban ban = new Ban();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public RateLimitStoreType getStore() {
		return this.store;
	}

	public void setStore(RateLimitStoreType store) {
		this.store = store;
	}

	public int getMaxKeys() {
		return this.maxKeys;
	}

	public void setMaxKeys(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	public FailureMode getFailureMode() {
		return this.failureMode;
	}

	public void setFailureMode(FailureMode failureMode) {
		this.failureMode = failureMode;
	}

	public boolean isHeaders() {
		return this.headers;
	}

	public void setHeaders(boolean headers) {
		this.headers = headers;
	}

	public boolean isLegacyHeaders() {
		return this.legacyHeaders;
	}

	public void setLegacyHeaders(boolean legacyHeaders) {
		this.legacyHeaders = legacyHeaders;
	}

	public List<String> getExcludedPaths() {
		return this.excludedPaths;
	}

	public void setExcludedPaths(List<String> excludedPaths) {
		this.excludedPaths = excludedPaths;
	}

	public List<String> getAllowList() {
		return this.allowList;
	}

	public void setAllowList(List<String> allowList) {
		this.allowList = allowList;
	}

	public List<String> getDenyList() {
		return this.denyList;
	}

	public void setDenyList(List<String> denyList) {
		this.denyList = denyList;
	}

	public List<RateLimitPolicyProperties> getPolicies() {
		return this.policies;
	}

	public void setPolicies(List<RateLimitPolicyProperties> policies) {
		this.policies = policies;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Ban getBan() {
		return this.ban;
	}

	/**
	 * What the limiter does when its store cannot answer.
	 */
	public enum FailureMode {

		/** Let the request through and mark the response. */
		OPEN,

		/** Refuse the request with 503 and Retry-After. */
		CLOSED

	}

	/**
	 * How the Redis store takes tokens.
	 */
	public enum RedisStrategy {

		/** One atomic Lua token-bucket script per decision. */
		SCRIPT,

		/** Bucket4j's compare-and-swap integration with batching. */
		CAS

	}

	/**
	 * Temporary bans (penalty box).
	 */
	public static class Ban {

		/**
		 * Whether keys rejected too often are banned for a while.
		 */
		private boolean enabled = false;

		/**
		 * Rejections of one key within the window that ban it.
		 */
		private int threshold = 10;

		/**
		 * Window in which rejections are counted, from a key's first rejection.
		 */
		private Duration window = Duration.ofMinutes(1);

		/**
		 * How long a ban lasts.
		 */
		private Duration duration = Duration.ofMinutes(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			this.threshold = threshold;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Duration getDuration() {
			return this.duration;
		}

		public void setDuration(Duration duration) {
			this.duration = duration;
		}

	}

	/**
	 * Redis store settings.
	 */
	public static class Redis {

		/**
		 * Redis URL, e.g. redis://127.0.0.1:6379; when empty, the application's spring.data.redis settings.
		 */
		private String url;

		/**
		 * How a decision is made in Redis: script (one atomic Lua round trip) or cas (Bucket4j's
		 * compare-and-swap with batching, two round trips).
		 */
		private RedisStrategy strategy = RedisStrategy.SCRIPT;

		/**
		 * Prefix of every key this limiter writes.
		 */
		private String keyPrefix = "hardening:rl:";

		/**
		 * Longest a single Redis call may take before it counts as a store failure.
		 */
		private Duration commandTimeout = Duration.ofMillis(100);

		/**
		 * Consecutive store failures after which the store is bypassed.
		 */
		private int failureThreshold = 3;

		/**
		 * How long the store is bypassed after repeated failures before it is tried again.
		 */
		private Duration openInterval = Duration.ofSeconds(5);

		/**
		 * Whether Redis is offered as a readiness check; when unset, only with failure-mode closed.
		 */
		private Boolean readinessCheck;

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public RedisStrategy getStrategy() {
			return this.strategy;
		}

		public void setStrategy(RedisStrategy strategy) {
			this.strategy = strategy;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public Boolean getReadinessCheck() {
			return this.readinessCheck;
		}

		public void setReadinessCheck(Boolean readinessCheck) {
			this.readinessCheck = readinessCheck;
		}

		public Duration getOpenInterval() {
			return this.openInterval;
		}

		public void setOpenInterval(Duration openInterval) {
			this.openInterval = openInterval;
		}

	}

}
