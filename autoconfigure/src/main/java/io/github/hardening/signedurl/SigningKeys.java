package io.github.hardening.signedurl;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys that verify signed URLs, each with an initialised prototype MAC, and the one that signs.
 * Rotation: add the new key, switch the signing key, remove the old key after the longest link lifetime.
 */
public final class SigningKeys {

	/** Shortest secret accepted, in bytes: the output size of HMAC-SHA256. */
	public static final int MIN_SECRET_BYTES = 32;

	/** Id of the key generated when none is configured. */
	public static final String EPHEMERAL_KEY_ID = "ephemeral";

	private final SigningKey[] keys;

	private final Set<String> ids;

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
		this.keys = new SigningKey[secrets.size()];
		Set<String> ids = new LinkedHashSet<>();
		secrets.forEach((id, secret) -> {
			if (secret.length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("the secret of key '" + id + "' has " + secret.length
						+ " bytes, fewer than " + MIN_SECRET_BYTES);
			}
			this.keys[ids.size()] = new SigningKey(id, secret);
			ids.add(id);
		});
		this.ids = Collections.unmodifiableSet(ids);
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
		return this.ids;
	}

	/**
	 * Tells whether the key was generated at startup instead of configured.
	 * @return whether it is ephemeral
	 */
	public boolean isEphemeral() {
		return this.ephemeral;
	}

	int size() {
		return this.keys.length;
	}

	SigningKey key(int index) {
		return this.keys[index];
	}

	int indexOf(String keyId) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i].id().equals(keyId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Finds the key whose id, percent-encoded as in a canonical query, equals the given bytes; a linear scan,
	 * because a deployment lists a handful of keys at most.
	 */
	int indexOfEncoded(byte[] bytes, int offset, int length) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i].hasEncodedId(bytes, offset, length)) {
				return i;
			}
		}
		return -1;
	}

}
