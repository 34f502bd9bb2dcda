package io.github.hardening.signedurl;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 key: an initialised prototype {@link Mac} that pooled workspaces clone (so
 * {@code Mac.getInstance} and {@code init} never run per request), and the key id in the forms the verifier
 * compares and writes.
 */
final class SigningKey {

	static final String ALGORITHM = "HmacSHA256";

	private final String id;

	private final byte[] secret;

	private final Mac prototype;

	/** The id as it reads in a canonical query, or {@code null} when no decoded parameter can equal it. */
	private final byte[] encodedId;

	/** The key id field of the canonical string: length in UTF-16 units, colon, UTF-8 bytes, newline. */
	private final byte[] canonicalField;

	SigningKey(String id, byte[] secret) {
		this.id = id;
		this.secret = secret.clone();
		this.prototype = create(this.secret);
		byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
		// An id with an unpaired surrogate never equals a decoded parameter, which is always well-formed.
		boolean wellFormed = new String(utf8, StandardCharsets.UTF_8).equals(id);
		this.encodedId = wellFormed ? UrlCanonicalizer.encode(id).getBytes(StandardCharsets.US_ASCII) : null;
		CanonicalBuffer field = new CanonicalBuffer(utf8.length + 8);
		field.putDecimal(id.length());
		field.put(':');
		field.put(utf8, 0, utf8.length);
		field.put('\n');
		this.canonicalField = Arrays.copyOf(field.array(), field.length());
	}

	String id() {
		return this.id;
	}

	byte[] canonicalField() {
		return this.canonicalField;
	}

	boolean hasEncodedId(byte[] bytes, int offset, int length) {
		return this.encodedId != null && Arrays.equals(this.encodedId, 0, this.encodedId.length, bytes,
				offset, offset + length);
	}

	Mac newMac() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			// Only providers without clone support get here, once per pooled workspace.
			return create(this.secret);
		}
	}

	private static Mac create(byte[] secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
