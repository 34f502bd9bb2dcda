package io.github.hardening.signedurl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import io.github.hardening.core.IpAddressRange;
import io.github.hardening.core.IpAddresses;

/**
 * Signs URLs with HMAC-SHA256 and verifies them. The signature covers one canonical string of
 * length-prefixed fields (method, canonical path, sorted canonical query, expiry, key id, bound user), so
 * no two different requests share it.
 */
public class UrlSigner {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	/** Length of a 32-byte MAC in base64url without padding. */
	private static final int SIGNATURE_CHARS = 43;

	private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator.<String[], String>comparing((p) -> p[0])
		.thenComparing((p) -> p[1]);

	private final SigningKeys keys;

	private final SignedUrlPolicy policy;

	private final SignedUrlParameters names;

	private final Clock clock;

	private final List<String> reserved;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Creates a signer.
	 * @param keys the keys
	 * @param policy lifetimes and parameter names
	 * @param clock the clock expiry is measured against
	 */
	public UrlSigner(SigningKeys keys, SignedUrlPolicy policy, Clock clock) {
		this.keys = keys;
		this.policy = policy;
		this.names = policy.parameters();
		this.clock = clock;
		this.reserved = this.names.validated();
	}

	/**
	 * Signs a link.
	 * @param spec what to sign
	 * @return the path and query of the signed link, relative to the application's context path
	 * @throws IllegalArgumentException when the path is not canonicalisable, the query already uses a
	 * signature parameter, or the lifetime exceeds the maximum
	 */
	public URI sign(UrlSignSpec spec) {
		String path = UrlCanonicalizer.path(spec.path);
		long now = this.clock.instant().getEpochSecond();
		long expires = (spec.expiresAt != null) ? spec.expiresAt.getEpochSecond()
				: now + ((spec.ttl != null) ? spec.ttl : this.policy.defaultTtl()).toSeconds();
		if (expires <= now || expires - now > this.policy.maxTtl().toSeconds()) {
			throw new IllegalArgumentException("a link lives more than 0s and at most " + this.policy.maxTtl());
		}
		List<String[]> params = new ArrayList<>();
		for (String[] pair : UrlCanonicalizer.parameters(spec.query)) {
			if (this.reserved.contains(pair[0])) {
				throw new IllegalArgumentException("the query already holds the parameter '" + pair[0] + "'");
			}
			params.add(encoded(pair[0], pair[1]));
		}
		if (spec.singleUse) {
			byte[] nonce = new byte[16];
			this.random.nextBytes(nonce);
			params.add(encoded(this.names.nonce(), BASE64URL.encodeToString(nonce)));
		}
		if (spec.client != null) {
			IpAddressRange.parse(spec.client);
			params.add(encoded(this.names.client(), spec.client.trim()));
		}
		if (spec.user != null) {
			params.add(encoded(this.names.user(), "1"));
		}
		String kid = this.keys.signingKeyId();
		String signature = signature(this.keys.pool(kid),
				canonical(spec.method, path, params, Long.toString(expires), kid, spec.user));
		StringBuilder uri = new StringBuilder(path).append('?');
		params.forEach((p) -> uri.append(p[0]).append('=').append(p[1]).append('&'));
		uri.append(this.names.expires()).append('=').append(expires).append('&');
		uri.append(this.names.keyId()).append('=').append(UrlCanonicalizer.encode(kid)).append('&');
		uri.append(this.names.signature()).append('=').append(signature);
		return URI.create(uri.toString());
	}

	/**
	 * Verifies a request.
	 * @param method the request's method
	 * @param rawPath the request's path as received (percent-encoded), without the context path
	 * @param rawQuery the request's query as received, or {@code null}
	 * @param clientIp the client's address, or {@code null} when unknown
	 * @param userId the signed-in user's id, or {@code null}
	 * @return the result, with the reason of a refusal
	 */
	public VerificationResult verify(String method, String rawPath, String rawQuery, String clientIp, String userId) {
		String path;
		List<String[]> all;
		try {
			path = UrlCanonicalizer.path(rawPath);
			all = UrlCanonicalizer.parameters(rawQuery);
		}
		catch (IllegalArgumentException ex) {
			return VerificationResult.refused(SignedUrlOutcome.MALFORMED);
		}
		SignatureParameters found = SignatureParameters.extract(all, this.names);
		if (found == null) {
			return VerificationResult.refused(SignedUrlOutcome.MALFORMED);
		}
		MacPool pool = this.keys.pool(found.keyId());
		if (pool == null) {
			return VerificationResult.refused(SignedUrlOutcome.UNKNOWN_KEY);
		}
		if (found.user() != null && userId == null) {
			return VerificationResult.refused(SignedUrlOutcome.BINDING_MISMATCH);
		}
		List<String[]> signed = new ArrayList<>(found.signed().size());
		found.signed().forEach((p) -> signed.add(encoded(p[0], p[1])));
		byte[] received = decodeSignature(found.signature());
		byte[] expected = pool.mac(canonical(method.toUpperCase(java.util.Locale.ROOT), path, signed,
				found.expires(), found.keyId(), (found.user() != null) ? userId : null)
			.getBytes(StandardCharsets.UTF_8));
		// Constant-time on the MAC bytes; a signature that is not exactly the canonical encoding never matches.
		if (!MessageDigest.isEqual(expected, (received != null) ? received : new byte[0])) {
			return VerificationResult.refused(SignedUrlOutcome.BAD_SIGNATURE);
		}
		long expires = Long.parseLong(found.expires());
		long now = this.clock.instant().getEpochSecond();
		SignedUrlOutcome outcome = SignedUrlOutcome.VALID;
		if (now > expires + this.policy.clockSkew().toSeconds()) {
			outcome = SignedUrlOutcome.EXPIRED;
		}
		else if (expires - now > this.policy.maxTtl().toSeconds() + this.policy.clockSkew().toSeconds()) {
			outcome = SignedUrlOutcome.MALFORMED;
		}
		else if (found.client() != null && !clientMatches(found.client(), clientIp)) {
			outcome = SignedUrlOutcome.BINDING_MISMATCH;
		}
		return new VerificationResult(outcome, expires, found.nonce(), found.signature());
	}

	/**
	 * Returns the current time of the signer's clock.
	 * @return now
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Returns the names of the signature's query parameters.
	 * @return the names
	 */
	public SignedUrlParameters parameters() {
		return this.names;
	}

	/**
	 * Builds the canonical string a signature covers; public for benchmarks and for other implementations.
	 * @param method upper-case method
	 * @param canonicalPath the canonical path
	 * @param encodedParams encoded name and value pairs of every signed parameter, in any order
	 * @param expires expiry, decimal epoch seconds
	 * @param keyId key id
	 * @param user the bound user, or {@code null}
	 * @return the canonical string
	 */
	public static String canonical(String method, String canonicalPath, List<String[]> encodedParams, String expires,
			String keyId, String user) {
		List<String[]> sorted = new ArrayList<>(encodedParams);
		sorted.sort(BY_NAME_THEN_VALUE);
		int queryLength = Math.max(0, sorted.size() - 1);
		for (String[] pair : sorted) {
			queryLength += pair[0].length() + 1 + pair[1].length();
		}
		StringBuilder result = new StringBuilder(96 + canonicalPath.length() + queryLength);
		result.append("HSU1\n");
		field(result, method);
		field(result, canonicalPath);
		// The query field, length-prefixed like the others, written without an intermediate string.
		result.append(queryLength).append(':');
		for (int i = 0; i < sorted.size(); i++) {
			String[] pair = sorted.get(i);
			result.append((i > 0) ? "&" : "").append(pair[0]).append('=').append(pair[1]);
		}
		result.append('\n');
		field(result, expires);
		field(result, keyId);
		field(result, (user != null) ? user : "");
		return result.toString();
	}

	private static void field(StringBuilder out, String value) {
		out.append(value.length()).append(':').append(value).append('\n');
	}

	private static String signature(MacPool pool, String canonical) {
		return BASE64URL.encodeToString(pool.mac(canonical.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Decodes a signature only when it is the canonical base64url form of 32 bytes: 43 characters of the
	 * url-safe alphabet, no padding, and a last character whose two unused bits are zero, so that no second
	 * spelling of a valid signature is accepted.
	 */
	private static byte[] decodeSignature(String signature) {
		if (signature.length() != SIGNATURE_CHARS) {
			return null;
		}
		for (int i = 0; i < SIGNATURE_CHARS; i++) {
			char c = signature.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
				return null;
			}
		}
		if ((ALPHABET.indexOf(signature.charAt(SIGNATURE_CHARS - 1)) & 3) != 0) {
			return null;
		}
		return BASE64URL_DECODER.decode(signature);
	}

	private static String[] encoded(String name, String value) {
		return new String[] { UrlCanonicalizer.encode(name), UrlCanonicalizer.encode(value) };
	}

	private static boolean clientMatches(String cidr, String clientIp) {
		byte[] address = (clientIp != null) ? IpAddresses.parse(clientIp) : null;
		if (address == null) {
			return false;
		}
		try {
			return IpAddressRange.parse(cidr).contains(address);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
