package io.github.hardening.signedurl;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Initialised HMAC-SHA256 instances of one key, reused across requests: a {@link Mac} is not thread-safe, and
 * {@code Mac.getInstance} plus {@code init} on every request would cost more than the HMAC itself. New
 * instances are cloned from an initialised prototype; at most {@code maxIdle} are kept.
 */
final class MacPool {

	static final String ALGORITHM = "HmacSHA256";

	private final byte[] secret;

	private final Mac prototype;

	private final ConcurrentLinkedQueue<Mac> idle = new ConcurrentLinkedQueue<>();

	private final AtomicInteger idleCount = new AtomicInteger();

	private final int maxIdle;

	MacPool(byte[] secret, int maxIdle) {
		this.secret = secret.clone();
		this.prototype = create(this.secret);
		this.maxIdle = maxIdle;
	}

	/**
	 * Computes the HMAC of the data.
	 * @param data the canonical string's bytes
	 * @return the 32-byte MAC
	 */
	byte[] mac(byte[] data) {
		Mac mac = this.idle.poll();
		if (mac != null) {
			this.idleCount.decrementAndGet();
		}
		else {
			mac = newMac();
		}
		byte[] result = mac.doFinal(data);
		if (this.idleCount.incrementAndGet() <= this.maxIdle) {
			this.idle.offer(mac);
		}
		else {
			this.idleCount.decrementAndGet();
		}
		return result;
	}

	private Mac newMac() {
		try {
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			// Only providers without clone support get here, and only when the pool is empty.
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
