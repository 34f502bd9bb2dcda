package io.github.hardening.signedurl;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What to sign: method, path and query of the link, its lifetime, and optional single use and bindings.
 */
public final class UrlSignSpec {

	final String method;

	final String path;

	String query;

	Duration ttl;

	Instant expiresAt;

	boolean singleUse;

	String client;

	String user;

	private UrlSignSpec(String method, String path) {
		this.method = method.toUpperCase(Locale.ROOT);
		this.path = path;
	}

	/**
	 * Starts a spec.
	 * @param method HTTP method the link is for
	 * @param path path of the link, percent-encoded as it will be requested, without the context path
	 * @return the spec
	 */
	public static UrlSignSpec of(String method, String path) {
		return new UrlSignSpec(method, path);
	}

	/**
	 * Starts a spec for a GET link.
	 * @param path path of the link, percent-encoded, without the context path
	 * @return the spec
	 */
	public static UrlSignSpec get(String path) {
		return new UrlSignSpec("GET", path);
	}

	/**
	 * Sets the query the link carries, percent-encoded, without {@code ?}.
	 * @param query the query
	 * @return this spec
	 */
	public UrlSignSpec query(String query) {
		this.query = query;
		return this;
	}

	/**
	 * Sets the lifetime; the default lifetime applies when neither this nor an expiry is set.
	 * @param ttl the lifetime
	 * @return this spec
	 */
	public UrlSignSpec ttl(Duration ttl) {
		this.ttl = ttl;
		return this;
	}

	/**
	 * Sets the expiry instead of a lifetime.
	 * @param expiresAt the expiry
	 * @return this spec
	 */
	public UrlSignSpec expiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
		return this;
	}

	/**
	 * Makes the link usable once: it carries a random nonce that the first successful use records.
	 * @return this spec
	 */
	public UrlSignSpec singleUse() {
		this.singleUse = true;
		return this;
	}

	/**
	 * Binds the link to a client address or CIDR block.
	 * @param addressOrCidr e.g. {@code 203.0.113.7} or {@code 203.0.113.0/24}
	 * @return this spec
	 */
	public UrlSignSpec bindClient(String addressOrCidr) {
		this.client = addressOrCidr;
		return this;
	}

	/**
	 * Binds the link to a user: only a request by this user (the servlet's remote user) verifies.
	 * @param userId the user's id, as the request's principal names it
	 * @return this spec
	 */
	public UrlSignSpec bindUser(String userId) {
		this.user = userId;
		return this;
	}

}
