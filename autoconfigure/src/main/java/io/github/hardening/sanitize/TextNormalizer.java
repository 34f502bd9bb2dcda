package io.github.hardening.sanitize;

import java.text.Normalizer;

/**
 * Normalises untrusted text: removes C0/C1 control characters other than tab, CR and LF and the
 * bidirectional override and isolate characters, then applies a Unicode normalisation form. Rejects
 * unpaired surrogates. Idempotent, and a string that needs no change is returned as the same instance
 * without allocating.
 */
public final class TextNormalizer {

	/** Unicode normalisation form applied after removal of control characters. */
	public enum Form {

		/** Canonical composition: "e" + combining acute becomes "é"; what users type looks the same. */
		NFC(Normalizer.Form.NFC),

		/** Compatibility composition: also folds look-alikes such as full-width letters and ligatures. */
		NFKC(Normalizer.Form.NFKC),

		/** No Unicode normalisation; control and bidi characters are still removed. */
		NONE(null);

		private final Normalizer.Form form;

		Form(Normalizer.Form form) {
			this.form = form;
		}

	}

	private final Normalizer.Form form;

	/**
	 * Creates a normaliser.
	 * @param form the normalisation form
	 */
	public TextNormalizer(Form form) {
		this.form = form.form;
	}

	/**
	 * Normalises one value.
	 * @param value the untrusted text, not {@code null}
	 * @return the normalised text; {@code value} itself when nothing had to change
	 * @throws InvalidTextException when the value holds an unpaired surrogate (not well-formed UTF-16)
	 */
	public String normalize(String value) {
		int length = value.length();
		int i = 0;
		// Fast path: printable ASCII with tab, CR and LF is invariant under every form.
		while (i < length) {
			char c = value.charAt(i);
			if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
				break;
			}
			i++;
		}
		if (i == length) {
			return value;
		}
		String cleaned = removeControls(value, i);
		if (this.form == null || (this.form == Normalizer.Form.NFC && isBelowCombiningMarks(cleaned, i))
				|| Normalizer.isNormalized(cleaned, this.form)) {
			return cleaned;
		}
		return Normalizer.normalize(cleaned, this.form);
	}

	// Every character below U+0300 (Latin-1, Latin Extended, IPA, spacing modifiers) is NFC-stable and
	// composes with nothing before it, so Western European text skips the JDK's allocating quick check.
	private static boolean isBelowCombiningMarks(String value, int from) {
		for (int i = from; i < value.length(); i++) {
			if (value.charAt(i) >= '\u0300') {
				return false;
			}
		}
		return true;
	}

	private static String removeControls(String value, int from) {
		int length = value.length();
		StringBuilder out = null;
		for (int i = from; i < length; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				if (out != null) {
					out.append(c).append(value.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				throw new InvalidTextException(null, "contains an unpaired surrogate (not well-formed Unicode)");
			}
			if (TextCharacters.isControl(c) || TextCharacters.isBidiControl(c)) {
				if (out == null) {
					out = new StringBuilder(length).append(value, 0, i);
				}
				continue;
			}
			if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : value;
	}

}
