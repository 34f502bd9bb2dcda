package io.github.hardening.sanitize;

/**
 * A text value that is refused: it is not well-formed Unicode, or it needs normalising while
 * {@code hardening.sanitize.text.mode} is {@code reject}. Answered with a 400 {@code invalid-text} problem
 * that names the field.
 */
public class InvalidTextException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String reason;

	/**
	 * Creates the exception.
	 * @param field the field or parameter, or {@code null} when not known where the value was read
	 * @param reason what is wrong, safe to show to the client
	 */
	public InvalidTextException(String field, String reason) {
		super((field != null) ? field + " " + reason : reason, null, false, false);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * Returns the field or parameter.
	 * @return the name, or {@code null}
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * Returns what is wrong.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Returns the same refusal for a known field.
	 * @param field the field or parameter name
	 * @return a new exception naming it
	 */
	public InvalidTextException forField(String field) {
		return new InvalidTextException(field, this.reason);
	}

}
