package io.github.hardening.sanitize;

import io.github.hardening.core.HardeningCounter;

/**
 * Applies the configured {@link TextMode} to one untrusted value and counts what it changed or refused.
 */
public class TextSanitizer {

	private final TextNormalizer normalizer;

	private final TextMode mode;

	private final HardeningCounter normalized;

	private final HardeningCounter rejected;

	/**
	 * Creates the sanitizer.
	 * @param normalizer the normaliser
	 * @param mode what to do with text that is not in normal form
	 * @param normalized counts values that were changed
	 * @param rejected counts values that were refused
	 */
	public TextSanitizer(TextNormalizer normalizer, TextMode mode, HardeningCounter normalized,
			HardeningCounter rejected) {
		this.normalizer = normalizer;
		this.mode = mode;
		this.normalized = normalized;
		this.rejected = rejected;
	}

	/**
	 * Returns the mode.
	 * @return the mode
	 */
	public TextMode mode() {
		return this.mode;
	}

	/**
	 * Normalises, or refuses, one value.
	 * @param value the untrusted value, may be {@code null}
	 * @param field where the value came from, named in the refusal; may be {@code null}
	 * @return the value to use
	 * @throws InvalidTextException when the value is refused
	 */
	public String apply(String value, String field) {
		if (value == null || this.mode == TextMode.OFF) {
			return value;
		}
		String result;
		try {
			result = this.normalizer.normalize(value);
		}
		catch (InvalidTextException ex) {
			this.rejected.increment();
			throw ex.forField(field);
		}
		if (result != value) {
			if (this.mode == TextMode.REJECT) {
				this.rejected.increment();
				throw new InvalidTextException(field,
						"contains control, bidirectional or non-normalised characters");
			}
			this.normalized.increment();
		}
		return result;
	}

}
