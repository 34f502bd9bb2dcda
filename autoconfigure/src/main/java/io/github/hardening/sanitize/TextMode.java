package io.github.hardening.sanitize;

/**
 * What happens to text that is not in normal form.
 */
public enum TextMode {

	/** Text is normalised silently; only values that are not well-formed Unicode are refused. */
	NORMALIZE,

	/** Any value that would change is refused with 400, naming the field. */
	REJECT,

	/** Text is passed through untouched. */
	OFF

}
