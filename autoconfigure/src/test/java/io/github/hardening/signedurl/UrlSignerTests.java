package io.github.hardening.signedurl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Signing and verifying, the tamper matrix, expiry with skew, bindings and key rotation.
 */
class UrlSignerTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final byte[] K1 = secret('a');

	private static final byte[] K2 = secret('b');

	private final UrlSigner signer = signer(keys("k1", "k1", "k2"), NOW);

	@Test
	void signedLinkVerifies() {
		URI link = this.signer.sign(UrlSignSpec.get("/files/abc").query("download=1&name=a%20b").ttl(Duration.ofMinutes(10)));
		assertThat(link.getRawPath()).isEqualTo("/files/abc");
		assertThat(link.getRawQuery()).matches("download=1&name=a%20b&exp=1767226200&kid=k1&sig=[A-Za-z0-9_-]{43}");
		assertThat(verify("GET", link)).isEqualTo(SignedUrlOutcome.VALID);
		assertThat(verify("get", link)).as("method is case-insensitive").isEqualTo(SignedUrlOutcome.VALID);
	}

	@Test
	void reorderingParametersWithTheSameMultisetIsAccepted() {
		URI link = this.signer.sign(UrlSignSpec.get("/files/abc").query("a=1&b=2&a=0"));
		String[] parts = link.getRawQuery().split("&");
		String reordered = String.join("&", parts[5], parts[4], parts[3], parts[2], parts[1], parts[0]);
		assertThat(this.signer.verify("GET", "/files/abc", reordered, null, null).outcome())
			.isEqualTo(SignedUrlOutcome.VALID);
		assertThat(this.signer.verify("GET", "/files/abc", link.getRawQuery().replace("a=1", "a=%31"), null, null)
			.outcome()).as("an unreserved character percent-encoded is the same value").isEqualTo(SignedUrlOutcome.VALID);
	}

	@ParameterizedTest(name = "[{index}] {0} {1}?{2}")
	@CsvSource(delimiter = '|', value = {
			// method changed
			"POST|/files/abc|",
			"HEAD|/files/abc|",
			// path changed, case-changed, trailing slash, dot segments, encoded separators
			"GET|/files/abd|",
			"GET|/Files/abc|",
			"GET|/files/ABC|",
			"GET|/files/abc/|",
			"GET|/files/./abc|",
			"GET|/files/x/../abc|",
			"GET|/files/%2e%2e/files/abc|",
			"GET|/files%2Fabc|",
			"GET|/files%252Fabc|",
			"GET|//files/abc|",
			"GET|/files/abc;x=1|" })
	void tamperedPathOrMethodIsRejected(String method, String path, String ignored) {
		URI link = this.signer.sign(UrlSignSpec.get("/files/abc").query("a=1&b=2"));
		assertThat(this.signer.verify(method, path, link.getRawQuery(), null, null).outcome())
			.isIn(SignedUrlOutcome.BAD_SIGNATURE, SignedUrlOutcome.MALFORMED);
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			// a parameter added, removed, duplicated, changed, reordered with a changed value
			"a=1&b=2|a=1&b=2&c=3",
			"a=1&b=2|a=1",
			"a=1&b=2|a=1&b=2&b=2",
			"a=1&b=2|a=1&a=1&b=2",
			"a=1&b=2|a=1&b=3",
			"a=1&b=2|b=1&a=2",
			"a=1&b=2|a=1&b=2&exp=1767229000",
			"a=1&b=2|a=1&b=2&kid=k2",
			"a=1&b=2|a=1&b=2&sig=x",
			"a=1&b=2|a=1+&b=2",
			"a=1&b=2|a=1&b%3D2" })
	void tamperedQueryIsRejected(String signedQuery, String sentQuery) {
		URI link = this.signer.sign(UrlSignSpec.get("/f").query(signedQuery));
		String signature = link.getRawQuery().substring(link.getRawQuery().indexOf("&exp="));
		assertThat(this.signer.verify("GET", "/f", sentQuery + signature, null, null).outcome())
			.isIn(SignedUrlOutcome.BAD_SIGNATURE, SignedUrlOutcome.MALFORMED);
	}

	@Test
	void tamperedExpiryKeyIdOrSignatureIsRejected() {
		URI link = this.signer.sign(UrlSignSpec.get("/f"));
		String query = link.getRawQuery();
		String sig = query.substring(query.indexOf("sig=") + 4);
		assertThat(verify("/f", query.replace("exp=1767229200", "exp=1767229201"))).isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", query.replace("exp=1767229200", "exp=01767229200"))).isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", query.replace("kid=k1", "kid=k2"))).as("another valid key").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", query.replace("kid=k1", "kid=k9"))).isEqualTo(SignedUrlOutcome.UNKNOWN_KEY);
		String base = query.substring(0, query.indexOf("sig=") + 4);
		assertThat(verify("/f", base + sig.substring(0, 42))).as("truncated").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", base + sig + "A")).as("extended").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", base + sig + "=")).as("padded").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", base + sig + "%3D")).as("padded, encoded").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", base + flipCase(sig))).as("case flipped").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		String standard = java.util.Base64.getEncoder().encodeToString(java.util.Base64.getUrlDecoder().decode(sig));
		assertThat(verify("/f", base + standard.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")))
			.as("standard base64").isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(verify("/f", base.replace("&sig=", ""))).as("missing").isEqualTo(SignedUrlOutcome.MALFORMED);
		assertThat(verify("/f", query + "&sig=" + sig)).as("repeated").isEqualTo(SignedUrlOutcome.MALFORMED);
	}

	@Test
	void lastCharacterWithTheSameDecodedBytesIsStillRejected() {
		URI link = this.signer.sign(UrlSignSpec.get("/f"));
		String query = link.getRawQuery();
		String sig = query.substring(query.indexOf("sig=") + 4);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int index = alphabet.indexOf(sig.charAt(42));
		String sibling = sig.substring(0, 42) + alphabet.charAt(index ^ 1);
		assertThat(java.util.Base64.getUrlDecoder().decode(sibling)).isEqualTo(java.util.Base64.getUrlDecoder().decode(sig));
		assertThat(verify("/f", query.replace(sig, sibling))).isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
	}

	@Test
	void expiryIsAcceptedWithinTheSkewAndRejectedBeyondIt() {
		URI link = this.signer.sign(UrlSignSpec.get("/f").ttl(Duration.ofMinutes(1)));
		UrlSigner skewed = signer(keys("k1", "k1", "k2"), NOW.plusSeconds(60 + 30));
		assertThat(skewed.verify("GET", "/f", link.getRawQuery(), null, null).outcome()).isEqualTo(SignedUrlOutcome.VALID);
		UrlSigner late = signer(keys("k1", "k1", "k2"), NOW.plusSeconds(60 + 31));
		assertThat(late.verify("GET", "/f", link.getRawQuery(), null, null).outcome()).isEqualTo(SignedUrlOutcome.EXPIRED);
	}

	@Test
	void lifetimeBeyondTheMaximumIsRefusedWhenSigning() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(UrlSignSpec.get("/f").ttl(Duration.ofDays(8))));
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(UrlSignSpec.get("/f").ttl(Duration.ZERO)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(UrlSignSpec.get("/f").query("sig=1")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(UrlSignSpec.get("/a/../f")));
	}

	@Test
	void clientBindingAcceptsOnlyAddressesInTheBlock() {
		URI link = this.signer.sign(UrlSignSpec.get("/f").bindClient("203.0.113.0/24"));
		assertThat(this.signer.verify("GET", "/f", link.getRawQuery(), "203.0.113.9", null).outcome()).isEqualTo(SignedUrlOutcome.VALID);
		assertThat(this.signer.verify("GET", "/f", link.getRawQuery(), "198.51.100.1", null).outcome())
			.isEqualTo(SignedUrlOutcome.BINDING_MISMATCH);
		assertThat(verify("/f", link.getRawQuery().replace("203.0.113.0%2F24", "0.0.0.0%2F0")))
			.isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
	}

	@Test
	void userBindingAcceptsOnlyThatUser() {
		URI link = this.signer.sign(UrlSignSpec.get("/f").bindUser("alice"));
		assertThat(this.signer.verify("GET", "/f", link.getRawQuery(), null, "alice").outcome()).isEqualTo(SignedUrlOutcome.VALID);
		assertThat(this.signer.verify("GET", "/f", link.getRawQuery(), null, "bob").outcome()).isEqualTo(SignedUrlOutcome.BAD_SIGNATURE);
		assertThat(this.signer.verify("GET", "/f", link.getRawQuery(), null, null).outcome())
			.isEqualTo(SignedUrlOutcome.BINDING_MISMATCH);
	}

	@Test
	void singleUseLinksCarryADistinctNonce() {
		VerificationResult first = this.signer.verify("GET", "/f",
				this.signer.sign(UrlSignSpec.get("/f").singleUse()).getRawQuery(), null, null);
		VerificationResult second = this.signer.verify("GET", "/f",
				this.signer.sign(UrlSignSpec.get("/f").singleUse()).getRawQuery(), null, null);
		assertThat(first.isValid()).isTrue();
		assertThat(first.nonce()).hasSize(22).isNotEqualTo(second.nonce());
	}

	@Test
	void rotationKeepsOldLinksValidWhileTheOldKeyIsListed() {
		URI oldLink = signer(keys("k1", "k1"), NOW).sign(UrlSignSpec.get("/f"));
		UrlSigner rotated = signer(keys("k2", "k1", "k2"), NOW);
		assertThat(rotated.verify("GET", "/f", oldLink.getRawQuery(), null, null).outcome()).isEqualTo(SignedUrlOutcome.VALID);
		URI newLink = rotated.sign(UrlSignSpec.get("/f"));
		assertThat(newLink.getRawQuery()).contains("kid=k2");
		UrlSigner oldRemoved = signer(keys("k2", "k2"), NOW);
		assertThat(oldRemoved.verify("GET", "/f", oldLink.getRawQuery(), null, null).outcome())
			.isEqualTo(SignedUrlOutcome.UNKNOWN_KEY);
		assertThat(oldRemoved.verify("GET", "/f", newLink.getRawQuery(), null, null).outcome())
			.isEqualTo(SignedUrlOutcome.VALID);
	}

	@Test
	void shortSecretOrUnknownSigningKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SigningKeys(Map.of("k", new byte[31]), "k"))
			.withMessageContaining("31 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SigningKeys(Map.of("k", K1), "other"))
			.withMessageContaining("other");
	}

	@Test
	void manyThreadsSignAndVerifyConsistently() throws Exception {
		URI link = this.signer.sign(UrlSignSpec.get("/f"));
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.List<java.util.concurrent.Future<SignedUrlOutcome>> futures = new java.util.ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				futures.add(executor.submit(() -> verify("GET", link)));
			}
			for (java.util.concurrent.Future<SignedUrlOutcome> future : futures) {
				assertThat(future.get()).isEqualTo(SignedUrlOutcome.VALID);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private SignedUrlOutcome verify(String method, URI link) {
		return this.signer.verify(method, link.getRawPath(), link.getRawQuery(), null, null).outcome();
	}

	private SignedUrlOutcome verify(String path, String query) {
		return this.signer.verify("GET", path, query, null, null).outcome();
	}

	private static String flipCase(String text) {
		StringBuilder result = new StringBuilder();
		for (char c : text.toCharArray()) {
			result.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
		}
		return result.toString();
	}

	static SigningKeys keys(String signing, String... ids) {
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		for (String id : ids) {
			secrets.put(id, id.equals("k1") ? K1 : K2);
		}
		return new SigningKeys(secrets, signing);
	}

	static UrlSigner signer(SigningKeys keys, Instant now) {
		return new UrlSigner(keys, SignedUrlPolicy.DEFAULTS, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static byte[] secret(char c) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) c);
		return new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
	}

}
