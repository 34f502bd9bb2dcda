package io.github.hardening.signedurl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Lets a single-use link through once: links with a nonce, and every link on a single-use path (keyed by
 * its signature). A store failure refuses the link (fail closed), logged once per incident.
 */
class SingleUseGuard {

	private static final Log logger = LogFactory.getLog(SingleUseGuard.class);

	private final NonceStore store;

	private final List<PathPattern> singleUsePaths;

	private final Duration clockSkew;

	private final AtomicBoolean failing = new AtomicBoolean();

	SingleUseGuard(NonceStore store, List<PathPattern> singleUsePaths, Duration clockSkew) {
		this.store = store;
		this.singleUsePaths = singleUsePaths;
		this.clockSkew = clockSkew;
	}

	SignedUrlOutcome consume(VerificationResult result, String path, long nowEpochSeconds) {
		String key = (result.nonce() != null) ? "n:" + result.nonce()
				: matches(path) ? "s:" + result.signature() : null;
		if (key == null) {
			return SignedUrlOutcome.VALID;
		}
		Duration ttl = Duration.ofSeconds(Math.max(1, result.expiresAt() + this.clockSkew.toSeconds() - nowEpochSeconds));
		try {
			boolean first = this.store.markUsed(key, ttl);
			if (this.failing.compareAndSet(true, false)) {
				logger.info("The single-use link store answers again");
			}
			return first ? SignedUrlOutcome.VALID : SignedUrlOutcome.ALREADY_USED;
		}
		catch (RuntimeException ex) {
			if (this.failing.compareAndSet(false, true)) {
				logger.error("The single-use link store failed; single-use links are refused until it answers", ex);
			}
			return SignedUrlOutcome.STORE_ERROR;
		}
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
