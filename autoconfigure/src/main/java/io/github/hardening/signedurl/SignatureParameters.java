package io.github.hardening.signedurl;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature parameters of a request, each present exactly once, and the parameters the signature covers.
 */
record SignatureParameters(String expires, String keyId, String signature, String nonce, String client,
		String user, List<String[]> signed) {

	/**
	 * Extracts the parameters.
	 * @param all every decoded query parameter
	 * @param names the parameter names
	 * @return the parameters, or {@code null} when one is missing, repeated, or not well-formed
	 */
	static SignatureParameters extract(List<String[]> all, SignedUrlParameters names) {
		String expires = null;
		String keyId = null;
		String signature = null;
		String nonce = null;
		String client = null;
		String user = null;
		List<String[]> signed = new ArrayList<>(all.size());
		for (String[] pair : all) {
			String name = pair[0];
			if (name.equals(names.expires())) {
				if (expires != null) {
					return null;
				}
				expires = pair[1];
				continue;
			}
			if (name.equals(names.keyId())) {
				if (keyId != null) {
					return null;
				}
				keyId = pair[1];
				continue;
			}
			if (name.equals(names.signature())) {
				if (signature != null) {
					return null;
				}
				signature = pair[1];
				continue;
			}
			if (name.equals(names.nonce()) || name.equals(names.client()) || name.equals(names.user())) {
				boolean repeated = (name.equals(names.nonce()) && nonce != null)
						|| (name.equals(names.client()) && client != null) || (name.equals(names.user()) && user != null);
				if (repeated) {
					return null;
				}
				nonce = name.equals(names.nonce()) ? pair[1] : nonce;
				client = name.equals(names.client()) ? pair[1] : client;
				user = name.equals(names.user()) ? pair[1] : user;
			}
			signed.add(pair);
		}
		if (expires == null || keyId == null || signature == null || !isEpochSeconds(expires)) {
			return null;
		}
		return new SignatureParameters(expires, keyId, signature, nonce, client, user, signed);
	}

	private static boolean isEpochSeconds(String text) {
		if (text.isEmpty() || text.length() > 12) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
