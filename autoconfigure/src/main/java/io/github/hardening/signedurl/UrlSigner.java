package io.github.hardening.signedurl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

	private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator.<String[], String>comparing((p) -> p[0])
		.thenComparing((p) -> p[1]);

	private final SigningKeys keys;

	private final SignedUrlPolicy policy;

	private final SignedUrlParameters names;

	private final Clock clock;

	private final List<String> reserved;

	/** The signature parameters' names in {@link QueryParameters} order, as bytes. */
	private final byte[][] parameterNames;

	private final long clockSkewSeconds;

	private final long maxTtlSeconds;

	private final CanonicalRequestPool requests;

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
		this.parameterNames = this.reserved.stream()
			.map((name) -> name.getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);
		this.clockSkewSeconds = policy.clockSkew().toSeconds();
		this.maxTtlSeconds = policy.maxTtl().toSeconds();
		this.requests = new CanonicalRequestPool(keys.size());
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
		String signature = signature(kid,
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
		CanonicalRequest request = this.requests.acquire();
		try {
			return verify(request, method, rawPath, rawQuery, clientIp, userId);
		}
		finally {
			this.requests.release(request);
		}
	}

	private VerificationResult verify(CanonicalRequest request, String method, String rawPath, String rawQuery,
			String clientIp, String userId) {
		if (!request.read(rawPath, rawQuery, this.parameterNames)) {
			return VerificationResult.refused(SignedUrlOutcome.MALFORMED);
		}
		int key = request.keyIndex(this.keys);
		if (key < 0) {
			return VerificationResult.refused(SignedUrlOutcome.UNKNOWN_KEY);
		}
		boolean boundToUser = request.query().has(QueryParameters.USER);
		if (boundToUser && userId == null) {
			return VerificationResult.refused(SignedUrlOutcome.BINDING_MISMATCH);
		}
		request.writeCanonical(method, this.keys.key(key), boundToUser ? userId : null);
		// Constant-time on the MAC bytes; a signature that is not exactly the canonical encoding never matches.
		if (!request.signatureMatches(this.keys, key)) {
			return VerificationResult.refused(SignedUrlOutcome.BAD_SIGNATURE);
		}
		long expires = request.expires();
		long now = Math.floorDiv(this.clock.millis(), 1000);
		SignedUrlOutcome outcome = SignedUrlOutcome.VALID;
		if (now > expires + this.clockSkewSeconds) {
			outcome = SignedUrlOutcome.EXPIRED;
		}
		else if (expires - now > this.maxTtlSeconds + this.clockSkewSeconds) {
			outcome = SignedUrlOutcome.MALFORMED;
		}
		else if (request.query().has(QueryParameters.CLIENT)
				&& !clientMatches(request.text(QueryParameters.CLIENT), clientIp)) {
			outcome = SignedUrlOutcome.BINDING_MISMATCH;
		}
		return new VerificationResult(outcome, expires, request.text(QueryParameters.NONCE), request.signature());
	}

	/**
	 * Returns the canonical bytes the verifier feeds to the MAC for a request, for tests that pin them.
	 * @return the bytes, or {@code null} when the request is malformed or names an unknown key
	 */
	byte[] canonicalBytes(String method, String rawPath, String rawQuery, String userId) {
		CanonicalRequest request = new CanonicalRequest(this.keys.size());
		if (!request.read(rawPath, rawQuery, this.parameterNames) || request.keyIndex(this.keys) < 0) {
			return null;
		}
		boolean boundToUser = request.query().has(QueryParameters.USER);
		request.writeCanonical(method, this.keys.key(request.keyIndex(this.keys)), boundToUser ? userId : null);
		return request.canonical();
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

	private String signature(String keyId, String canonical) {
		CanonicalRequest request = this.requests.acquire();
		try {
			return BASE64URL.encodeToString(
					request.mac(this.keys, this.keys.indexOf(keyId), canonical.getBytes(StandardCharsets.UTF_8)));
		}
		finally {
			this.requests.release(request);
		}
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
