package io.github.hardening.signedurl;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys that verify signed URLs, each with a reusable pool of initialised MACs, and the one that signs.
 * Rotation: add the new key, switch the signing key, remove the old key after the longest link lifetime.
 */
public final class SigningKeys {

	/** Shortest secret accepted, in bytes: the output size of HMAC-SHA256. */
	public static final int MIN_SECRET_BYTES = 32;

	/** Id of the key generated when none is configured. */
	public static final String EPHEMERAL_KEY_ID = "ephemeral";

	private final Map<String, MacPool> pools;

	private final String signingKeyId;

	private final boolean ephemeral;

	/**
	 * Creates the keys.
	 * @param secrets secret of each key id, in configuration order
	 * @param signingKeyId id of the key that signs; must be one of {@code secrets}
	 * @throws IllegalArgumentException when a secret is shorter than 32 bytes or the signing key is missing
	 */
	public SigningKeys(Map<String, byte[]> secrets, String signingKeyId) {
		this(secrets, signingKeyId, false);
	}

	private SigningKeys(Map<String, byte[]> secrets, String signingKeyId, boolean ephemeral) {
		if (!secrets.containsKey(signingKeyId)) {
			throw new IllegalArgumentException("the signing key '" + signingKeyId + "' is not one of " + secrets.keySet());
		}
		int maxIdle = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
		Map<String, MacPool> pools = new LinkedHashMap<>();
		secrets.forEach((id, secret) -> {
			if (secret.length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("the secret of key '" + id + "' has " + secret.length
						+ " bytes, fewer than " + MIN_SECRET_BYTES);
			}
			pools.put(id, new MacPool(secret, maxIdle));
		});
		this.pools = Collections.unmodifiableMap(pools);
		this.signingKeyId = signingKeyId;
		this.ephemeral = ephemeral;
	}

	/**
	 * Generates one random key that lives as long as this process: links do not survive a restart and do not
	 * work on other instances.
	 * @return the keys
	 */
	public static SigningKeys ephemeral() {
		byte[] secret = new byte[MIN_SECRET_BYTES];
		new SecureRandom().nextBytes(secret);
		return new SigningKeys(Map.of(EPHEMERAL_KEY_ID, secret), EPHEMERAL_KEY_ID, true);
	}

	/**
	 * Returns the id of the key that signs.
	 * @return the id
	 */
	public String signingKeyId() {
		return this.signingKeyId;
	}

	/**
	 * Returns the ids of the keys that verify.
	 * @return the ids, in configuration order
	 */
	public Set<String> ids() {
		return this.pools.keySet();
	}

	/**
	 * Tells whether the key was generated at startup instead of configured.
	 * @return whether it is ephemeral
	 */
	public boolean isEphemeral() {
		return this.ephemeral;
	}

	MacPool pool(String keyId) {
		return this.pools.get(keyId);
	}

}
