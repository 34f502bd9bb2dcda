package io.github.hardening.signedurl;

/**
 * The result of verifying a request against its signature.
 *
 * @param outcome why the request was accepted or refused
 * @param expiresAt expiry of the link in epoch seconds, or {@code 0} when it could not be read
 * @param nonce the link's single-use nonce, or {@code null} when it has none
 * @param signature the signature parameter as received, or {@code null} when missing
 */
public record VerificationResult(SignedUrlOutcome outcome, long expiresAt, String nonce, String signature) {

	private static final VerificationResult[] REFUSALS = java.util.Arrays.stream(SignedUrlOutcome.values())
		.map((outcome) -> new VerificationResult(outcome, 0, null, null))
		.toArray(VerificationResult[]::new);

	/**
	 * A refusal that carries nothing but its reason.
	 * @param outcome the reason
	 * @return the result
	 */
	public static VerificationResult refused(SignedUrlOutcome outcome) {
		// Refusals carry nothing that differs between requests, so one shared instance per reason will do.
		return REFUSALS[outcome.ordinal()];
	}

	/**
	 * Tells whether the request is validly signed.
	 * @return whether the outcome is {@link SignedUrlOutcome#VALID}
	 */
	public boolean isValid() {
		return this.outcome == SignedUrlOutcome.VALID;
	}

}
