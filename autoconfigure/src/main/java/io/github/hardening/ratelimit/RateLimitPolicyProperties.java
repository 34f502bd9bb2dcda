package io.github.hardening.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One rate-limit policy as configured under {@code hardening.rate-limit.policies[n]}.
 */
public class RateLimitPolicyProperties {

	/**
	 * Name of the policy, shown in headers, metrics and problem responses; letters, digits, '.', '_' and '-'.
	 */
	private String name;

	/**
	 * Which requests the policy applies to; without paths it applies only to handlers annotated with
	 * RateLimited.
	 */
	private final Match match = new Match();

	/**
	 * What a bucket is kept per: ip, user, global, header:Name, or spel:expression over the request.
	 */
	private String key = "ip";

	/**
	 * What happens when a header key is absent: ip falls back to the client address, reject answers 400.
	 */
	private MissingKey missingKey = MissingKey.IP;

	/**
	 * Bandwidths of the bucket; every one must have room for a request to pass.
	 */
	private List<Limit> limits = new ArrayList<>();

	/**
	 * Tokens one request takes.
	 */
	private int cost = 1;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Match getMatch() {
		return this.match;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public MissingKey getMissingKey() {
		return this.missingKey;
	}

	public void setMissingKey(MissingKey missingKey) {
		this.missingKey = missingKey;
	}

	public List<Limit> getLimits() {
		return this.limits;
	}

	public void setLimits(List<Limit> limits) {
		this.limits = limits;
	}

	public int getCost() {
		return this.cost;
	}

	public void setCost(int cost) {
		this.cost = cost;
	}

	/**
	 * What to do when a request lacks the header its key is taken from.
	 */
	public enum MissingKey {

		/** Use the client address instead. */
		IP,

		/** Refuse the request with 400. */
		REJECT

	}

	/**
	 * Which requests a policy applies to.
	 */
	public static class Match {

		/**
		 * Path patterns (PathPattern syntax) the policy applies to.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * HTTP methods the policy applies to; empty for every method.
		 */
		private List<String> methods = new ArrayList<>();

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

	}

	/**
	 * One bandwidth: capacity tokens, refilled greedily over the period.
	 */
	public static class Limit {

		/**
		 * Requests (tokens) allowed per period; also the largest burst.
		 */
		private long capacity;

		/**
		 * Period over which the capacity refills, at least one second.
		 */
		private Duration period = Duration.ofMinutes(1);

		public long getCapacity() {
			return this.capacity;
		}

		public void setCapacity(long capacity) {
			this.capacity = capacity;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

}
