package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Lets a single-use link through once: links with a nonce, and every link on a single-use path (keyed by
 * its signature). When the store fails, the link gets what {@link NonceStoreFailures} says.
 */
class SingleUseGuard {

	private final NonceStore store;

	private final List<PathPattern> singleUsePaths;

	private final Duration clockSkew;

	private final NonceStoreFailures failures;

	SingleUseGuard(NonceStore store, List<PathPattern> singleUsePaths, Duration clockSkew,
			NonceStoreFailures failures) {
		this.store = store;
		this.singleUsePaths = singleUsePaths;
		this.clockSkew = clockSkew;
		this.failures = failures;
	}

	SignedUrlOutcome consume(VerificationResult result, String path, long nowEpochSeconds) {
		String key = (result.nonce() != null) ? "n:" + result.nonce()
				: matches(path) ? "s:" + result.signature() : null;
		if (key == null) {
			return SignedUrlOutcome.VALID;
		}
		Duration ttl = Duration.ofSeconds(Math.max(1, result.expiresAt() + this.clockSkew.toSeconds() - nowEpochSeconds));
		boolean first;
		try {
			first = this.store.markUsed(key, ttl);
		}
		catch (RuntimeException ex) {
			return this.failures.failed(ex);
		}
		this.failures.succeeded();
		return first ? SignedUrlOutcome.VALID : SignedUrlOutcome.ALREADY_USED;
	}

	long retryAfterSeconds() {
		return this.failures.retryAfterSeconds();
	}

	private boolean matches(String path) {
		if (this.singleUsePaths.isEmpty()) {
			return false;
		}
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : this.singleUsePaths) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

}
