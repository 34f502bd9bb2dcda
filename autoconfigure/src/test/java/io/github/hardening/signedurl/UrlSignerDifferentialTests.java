package io.github.hardening.signedurl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte-wise verifier against the string-based one it replaced (kept here as the reference, built from
 * {@link UrlCanonicalizer} and {@link UrlSigner#canonical}): over many random and mutated requests, with odd
 * escapes, ill-formed UTF-8, surrogates, repeated and reserved names, both agree on whether a request can be
 * canonicalised, on the canonical bytes, and on the outcome.
 */
class UrlSignerDifferentialTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final String[] TOKENS = { "a", "B", "z", "0", "9", "-", ".", "..", "_", "~", "%", "%2", "%2F", "%2f",
			"%2e", "%2E%2E", "%5C", "%3B", "%00", "%1F", "%7F", "%7E", "%41", "%c3%a9", "%C3", "%A9", "%FF", "%E2%82",
			"%E2%82%AC", "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "+", "=", "&", "&&", ";", "\\", " ", "?",
			"#", "@", ":", "é", "\u20ac", "\ud83d\ude00", "\ud800", "\udc00", "%\u0663\u0661", "%\uff21\uff21", "exp",
			"kid", "sig", "nonce", "cip", "usr", "exp=1767229200", "kid=k1", "kid=k2", "kid=k%31", "kid=cl%C3%A9",
			"kid=cl%E9", "usr=1", "cip=10.0.0.0%2F8", "nonce=n", "/" };

	private static final String[] METHODS = { "GET", "get", "Post", "DELETE", "gEt", "\u00dfget", "\u0131d" };

	private final Map<String, byte[]> secrets = UrlSignerGoldenVectorTests.secrets();

	private final UrlSigner signer = new UrlSigner(new SigningKeys(this.secrets, "k1"), SignedUrlPolicy.DEFAULTS,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void randomRequestsCanonicaliseAlikeInBothVerifiers() {
		Random random = new Random(20261127);
		int canonicalised = 0;
		for (int i = 0; i < 30_000; i++) {
			String method = METHODS[random.nextInt(METHODS.length)];
			String path = "/" + randomText(random, 6);
			String query = randomText(random, 10) + "&exp=1767229200&kid=k" + (1 + random.nextInt(2)) + "&sig=x";
			String user = random.nextBoolean() ? null : "u\u00eb" + randomText(random, 2);
			byte[] expected = referenceCanonical(method, path, query, user);
			byte[] actual = this.signer.canonicalBytes(method, path, query, user);
			assertThat(actual).as("%s %s?%s user %s", method, path, query, user).isEqualTo(expected);
			canonicalised += (expected != null) ? 1 : 0;
		}
		assertThat(canonicalised).as("enough requests get as far as the canonical string").isGreaterThan(3_000);
	}

	@Test
	void mutatedSignedLinksGetTheSameOutcomeFromBothVerifiers() throws Exception {
		Random random = new Random(42);
		int valid = 0;
		for (int i = 0; i < 10_000; i++) {
			UrlSignSpec spec = UrlSignSpec.get("/f/" + encodedText(random)).query(encodedText(random) + "=" + encodedText(random)
					+ "&" + encodedText(random) + "=" + encodedText(random));
			if (random.nextInt(4) == 0) {
				spec.bindClient("203.0.113.0/24");
			}
			if (random.nextInt(4) == 0) {
				spec.bindUser("u" + random.nextInt(3));
			}
			URI link;
			try {
				link = this.signer.sign(spec);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			String path = link.getRawPath();
			String query = link.getRawQuery();
			int mutation = random.nextInt(6);
			if (mutation == 1) {
				int at = random.nextInt(query.length());
				query = query.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + query.substring(at);
			}
			else if (mutation == 2) {
				String[] parts = query.split("&");
				java.util.Collections.shuffle(java.util.Arrays.asList(parts), random);
				query = String.join("&", parts);
			}
			else if (mutation == 3) {
				path = path + TOKENS[random.nextInt(TOKENS.length)];
			}
			String user = "u" + random.nextInt(3);
			String client = random.nextBoolean() ? "203.0.113.9" : "198.51.100.1";
			SignedUrlOutcome expected = referenceOutcome("GET", path, query, client, user);
			VerificationResult actual = this.signer.verify("GET", path, query, client, user);
			assertThat(actual.outcome()).as("%s?%s", path, query).isEqualTo(expected);
			valid += actual.isValid() ? 1 : 0;
		}
		assertThat(valid).as("enough links stay valid to compare accepted ones too").isGreaterThan(2_000);
	}

	@Test
	void manyParametersAndLongValuesVerifyInAnyOrderAndTamperingIsStillCaught() throws Exception {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			query.append((i > 0) ? "&" : "").append("p").append(i % 7).append("=").append(59 - i);
		}
		String longValue = "%C3%A9".repeat(20_000) + "x".repeat(30_000);
		query.append("&long=").append(longValue);
		URI link = this.signer.sign(UrlSignSpec.get("/f/" + "seg".repeat(500)).query(query.toString()));
		List<String> parts = new ArrayList<>(List.of(link.getRawQuery().split("&")));
		java.util.Collections.reverse(parts);
		String reversed = String.join("&", parts);
		for (int round = 0; round < 3; round++) {
			// Rounds after the first reuse (or, past the size limit, replace) the pooled workspace.
			assertThat(this.signer.verify("GET", link.getRawPath(), reversed, null, null).outcome())
				.isEqualTo(SignedUrlOutcome.VALID);
			assertThat(this.signer.verify("GET", link.getRawPath(), reversed.replace("p3=", "p4="), null, null).outcome())
				.isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
			assertThat(referenceOutcome("GET", link.getRawPath(), reversed, null, null)).isEqualTo(SignedUrlOutcome.VALID);
		}
		assertThat(this.signer.verify("GET", "/f", "a=1&exp=1767229200&kid=k1&sig=x", null, null).outcome())
			.as("a short request after a long one on the same workspace").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
	}

	private static String randomText(Random random, int maxTokens) {
		StringBuilder text = new StringBuilder();
		int tokens = random.nextInt(maxTokens + 1);
		for (int i = 0; i < tokens; i++) {
			text.append(TOKENS[random.nextInt(TOKENS.length)]);
		}
		return text.toString();
	}

	private static String encodedText(Random random) {
		String[] parts = { "a", "b", "%20", "%C3%A9", "~", "x.y", "1", "%2B", "+" };
		StringBuilder text = new StringBuilder("p");
		for (int i = random.nextInt(4); i > 0; i--) {
			text.append(parts[random.nextInt(parts.length)]);
		}
		return text.toString();
	}

	/** The verifier's outcome as the string-based implementation computed it. */
	private SignedUrlOutcome referenceOutcome(String method, String path, String query, String client, String user)
			throws Exception {
		Reference found = Reference.read(path, query);
		if (found == null) {
			return SignedUrlOutcome.MALFORMED;
		}
		if (!this.secrets.containsKey(found.keyId)) {
			return SignedUrlOutcome.UNKNOWN_KEY;
		}
		if (found.user != null && user == null) {
			return SignedUrlOutcome.BINDING_MISMATCH;
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.secrets.get(found.keyId), "HmacSHA256"));
		String expected = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal(found.canonical(method, (found.user != null) ? user : null)));
		if (!expected.equals(found.signature)) {
			return SignedUrlOutcome.BAD_SIGNATURE;
		}
		long expires = Long.parseLong(found.expires);
		if (NOW.getEpochSecond() > expires + 30) {
			return SignedUrlOutcome.EXPIRED;
		}
		if (found.client != null && !io.github.hardening.core.IpAddressRange.parse(found.client)
			.contains(io.github.hardening.core.IpAddresses.parse(client))) {
			return SignedUrlOutcome.BINDING_MISMATCH;
		}
		return SignedUrlOutcome.VALID;
	}

	private byte[] referenceCanonical(String method, String path, String query, String user) {
		Reference found = Reference.read(path, query);
		if (found == null || !this.secrets.containsKey(found.keyId)) {
			return null;
		}
		return found.canonical(method, (found.user != null) ? user : null);
	}

	/** What the string-based verifier read from a request; {@code null} from {@link #read} where it refused. */
	private static final class Reference {

		String path;

		List<String[]> signed = new ArrayList<>();

		String expires;

		String keyId;

		String signature;

		String nonce;

		String client;

		String user;

		static Reference read(String rawPath, String rawQuery) {
			Reference found = new Reference();
			List<String[]> all;
			try {
				found.path = UrlCanonicalizer.path(rawPath);
				all = UrlCanonicalizer.parameters(rawQuery);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			for (String[] pair : all) {
				String name = pair[0];
				if (name.equals("exp") || name.equals("kid") || name.equals("sig")) {
					String previous = name.equals("exp") ? found.expires : name.equals("kid") ? found.keyId : found.signature;
					if (previous != null) {
						return null;
					}
					found.expires = name.equals("exp") ? pair[1] : found.expires;
					found.keyId = name.equals("kid") ? pair[1] : found.keyId;
					found.signature = name.equals("sig") ? pair[1] : found.signature;
					continue;
				}
				if ((name.equals("nonce") && found.nonce != null) || (name.equals("cip") && found.client != null)
						|| (name.equals("usr") && found.user != null)) {
					return null;
				}
				found.nonce = name.equals("nonce") ? pair[1] : found.nonce;
				found.client = name.equals("cip") ? pair[1] : found.client;
				found.user = name.equals("usr") ? pair[1] : found.user;
				found.signed.add(new String[] { UrlCanonicalizer.encode(pair[0]), UrlCanonicalizer.encode(pair[1]) });
			}
			if (found.expires == null || found.keyId == null || found.signature == null
					|| !found.expires.matches("[0-9]{1,12}")) {
				return null;
			}
			return found;
		}

		byte[] canonical(String method, String user) {
			return UrlSigner.canonical(method.toUpperCase(Locale.ROOT), this.path, this.signed, this.expires, this.keyId,
					user)
				.getBytes(StandardCharsets.UTF_8);
		}

	}

}
