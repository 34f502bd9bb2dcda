package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed URLs: expiring, tamper-proof links with key rotation, single use and an enforcing filter.
 */
@ConfigurationProperties("hardening.signed-url")
public class SignedUrlProperties {

	/**
	 * Whether signed URLs are available and enforced.
	 */
	private boolean enabled = true;

	/**
	 * Keys that verify links; each is an id and a base64 secret of at least 32 bytes.
	 */
	private List<Key> keys = new ArrayList<>();

	/**
	 * Id of the key that signs new links; may be left out when only one key is listed.
	 */
	private String signingKeyId;

	/**
	 * Lifetime of a link when the caller gives none.
	 */
	private Duration defaultTtl = Duration.ofHours(1);

	/**
	 * Longest lifetime of a link; signing a longer one is refused.
	 */
	private Duration maxTtl = Duration.ofDays(7);

	/**
	 * How long after its expiry a link is still accepted, for clocks that disagree.
	 */
	private Duration clockSkew = Duration.ofSeconds(30);

	/**
	 * Path patterns where every request must be validly signed.
	 */
	private List<String> protectedPaths = new ArrayList<>();

	/**
	 * Path patterns where every signed link works only once, whether or not it carries a nonce.
	 */
	private List<String> singleUsePaths = new ArrayList<>();

	/**
	 * Where single-use links are recorded: memory (one instance) or redis (shared by all instances).
	 */
	private NonceStoreType store = NonceStoreType.MEMORY;

	/**
	 * What a valid single-use link gets when its use cannot be recorded: closed answers 503, open admits it.
	 */
	private FailureMode failureMode = FailureMode.CLOSED;

	/**
	 * Names of the query parameters of a signed link.
	 */
	private final Parameters parameters = new Parameters();

	/**
	 * Redis store of single-use links.
	 */
	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<Key> getKeys() {
		return this.keys;
	}

	public void setKeys(List<Key> keys) {
		this.keys = keys;
	}

	public String getSigningKeyId() {
		return this.signingKeyId;
	}

	public void setSigningKeyId(String signingKeyId) {
		this.signingKeyId = signingKeyId;
	}

	public Duration getDefaultTtl() {
		return this.defaultTtl;
	}

	public void setDefaultTtl(Duration defaultTtl) {
		this.defaultTtl = defaultTtl;
	}

	public Duration getMaxTtl() {
		return this.maxTtl;
	}

	public void setMaxTtl(Duration maxTtl) {
		this.maxTtl = maxTtl;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public List<String> getProtectedPaths() {
		return this.protectedPaths;
	}

	public void setProtectedPaths(List<String> protectedPaths) {
		this.protectedPaths = protectedPaths;
	}

	public List<String> getSingleUsePaths() {
		return this.singleUsePaths;
	}

	public void setSingleUsePaths(List<String> singleUsePaths) {
		this.singleUsePaths = singleUsePaths;
	}

	public NonceStoreType getStore() {
		return this.store;
	}

	public void setStore(NonceStoreType store) {
		this.store = store;
	}

	public FailureMode getFailureMode() {
		return this.failureMode;
	}

	public void setFailureMode(FailureMode failureMode) {
		this.failureMode = failureMode;
	}

	public Parameters getParameters() {
		return this.parameters;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where single-use links are recorded.
	 */
	public enum NonceStoreType {

		/** In this instance's memory. */
		MEMORY,

		/** In Redis, shared by every instance. */
		REDIS

	}

	/**
	 * What a valid single-use link gets when the store cannot record its use.
	 */
	public enum FailureMode {

		/** Refused with 503 and Retry-After: a use that is not recorded could be replayed. */
		CLOSED,

		/** Admitted and counted: availability over replay protection while the store is down. */
		OPEN

	}

	/**
	 * One key.
	 */
	public static class Key {

		/**
		 * Id of the key, sent in every link it signs.
		 */
		private String id;

		/**
		 * Secret of the key, base64, at least 32 bytes once decoded.
		 */
		private String secret;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

	}

	/**
	 * Names of the query parameters of a signed link.
	 */
	public static class Parameters {

		/**
		 * Name of the expiry parameter (epoch seconds).
		 */
		private String expires = "exp";

		/**
		 * Name of the key id parameter.
		 */
		private String keyId = "kid";

		/**
		 * Name of the signature parameter.
		 */
		private String signature = "sig";

		/**
		 * Name of the nonce parameter of single-use links.
		 */
		private String nonce = "nonce";

		/**
		 * Name of the parameter holding the client address or CIDR block a link is bound to.
		 */
		private String client = "cip";

		/**
		 * Name of the parameter marking a link bound to the signed-in user.
		 */
		private String user = "usr";

		public String getExpires() {
			return this.expires;
		}

		public void setExpires(String expires) {
			this.expires = expires;
		}

		public String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(String keyId) {
			this.keyId = keyId;
		}

		public String getSignature() {
			return this.signature;
		}

		public void setSignature(String signature) {
			this.signature = signature;
		}

		public String getNonce() {
			return this.nonce;
		}

		public void setNonce(String nonce) {
			this.nonce = nonce;
		}

		public String getClient() {
			return this.client;
		}

		public void setClient(String client) {
			this.client = client;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

	}

	/**
	 * Redis store of single-use links.
	 */
	public static class Redis {

		/**
		 * Redis URL; when empty, the application's spring.data.redis settings are used.
		 */
		private String url;

		/**
		 * Prefix of the keys that record used links.
		 */
		private String keyPrefix = "hardening:su:";

		/**
		 * Longest wait for Redis on a request, connecting included; a slower answer counts as a store failure.
		 */
		private Duration commandTimeout = Duration.ofMillis(100);

		/**
		 * Consecutive store failures after which Redis is bypassed.
		 */
		private int failureThreshold = 3;

		/**
		 * How long Redis is bypassed after repeated failures before it is tried again; also the 503's Retry-After.
		 */
		private Duration openInterval = Duration.ofSeconds(5);

		/**
		 * Whether Redis is offered as a readiness check, taking this instance out of traffic while it fails.
		 */
		private boolean readinessCheck;

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
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

		public Duration getOpenInterval() {
			return this.openInterval;
		}

		public void setOpenInterval(Duration openInterval) {
			this.openInterval = openInterval;
		}

		public boolean isReadinessCheck() {
			return this.readinessCheck;
		}

		public void setReadinessCheck(boolean readinessCheck) {
			this.readinessCheck = readinessCheck;
		}

	}

}
