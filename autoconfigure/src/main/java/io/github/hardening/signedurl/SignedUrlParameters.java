package io.github.hardening.signedurl;

import java.util.List;
import java.util.Set;

/**
 * Names of the query parameters a signed URL carries.
 *
 * @param expires expiry in epoch seconds
 * @param keyId id of the signing key
 * @param signature the signature, base64url without padding
 * @param nonce random value of a single-use link
 * @param client client address or CIDR block the link is bound to
 * @param user marker of a link bound to the signed-in user
 */
public record SignedUrlParameters(String expires, String keyId, String signature, String nonce, String client,
		String user) {

	/** The default names: {@code exp}, {@code kid}, {@code sig}, {@code nonce}, {@code cip}, {@code usr}. */
	public static final SignedUrlParameters DEFAULTS = new SignedUrlParameters("exp", "kid", "sig", "nonce", "cip",
			"usr");

	/**
	 * Validates the names: distinct, non-empty, made of unreserved URL characters.
	 * @return the names in declaration order
	 * @throws IllegalArgumentException naming the offending value
	 */
	public List<String> validated() {
		List<String> names = List.of(this.expires, this.keyId, this.signature, this.nonce, this.client, this.user);
		for (String name : names) {
			if (name == null || !name.matches("[A-Za-z0-9._~-]{1,32}")) {
				throw new IllegalArgumentException("'" + name + "' is not a plain query parameter name");
			}
		}
		if (Set.copyOf(names).size() != names.size()) {
			throw new IllegalArgumentException("the parameter names must differ from each other: " + names);
		}
		return names;
	}

}
