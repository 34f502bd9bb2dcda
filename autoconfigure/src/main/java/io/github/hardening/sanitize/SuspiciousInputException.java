package io.github.hardening.sanitize;

/**
 * Input that matched an attack signature where the detector blocks; answered with 403
 * {@code suspicious-input}.
 */
public class SuspiciousInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final SuspiciousKind kind;

	/**
	 * Creates the exception.
	 * @param kind the kind of signature matched
	 */
	public SuspiciousInputException(SuspiciousKind kind) {
		super("Input matched a " + kind.tag() + " signature", null, false, false);
		this.kind = kind;
	}

	/**
	 * Returns the kind of signature matched.
	 * @return the kind
	 */
	public SuspiciousKind getKind() {
		return this.kind;
	}

}
