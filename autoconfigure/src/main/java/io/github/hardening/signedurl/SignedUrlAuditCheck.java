package io.github.hardening.signedurl;

import io.github.hardening.core.StartupAudit;
import io.github.hardening.core.StartupAuditCheck;

/**
 * Reports a signing key generated at startup: strict mode refuses to start, warn mode logs it.
 */
class SignedUrlAuditCheck implements StartupAuditCheck {

	private final SigningKeys keys;

	SignedUrlAuditCheck(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public void audit(StartupAudit audit) {
		if (this.keys.isEphemeral()) {
			audit.report(SignedUrlMapper.PREFIX + "keys", "No signing key is configured, so signed URLs use a "
					+ "random key generated at startup: links break on restart and do not work across instances.",
					SignedUrlMapper.GENERATE_HINT + " and set " + SignedUrlMapper.PREFIX + "keys[0].id=k1 and "
							+ SignedUrlMapper.PREFIX + "keys[0].secret=<the secret>, from the environment.");
		}
	}

}
