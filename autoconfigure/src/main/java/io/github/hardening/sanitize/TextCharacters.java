package io.github.hardening.sanitize;

/**
 * Character classes that text normalisation and file names remove.
 */
final class TextCharacters {

	private TextCharacters() {
	}

	/**
	 * C0 and C1 control characters and DEL, except tab, CR and LF.
	 * @param c the character
	 * @return whether it is removed as a control character
	 */
	static boolean isControl(char c) {
		if (c < 0x20) {
			return c != '\t' && c != '\n' && c != '\r';
		}
		return c >= 0x7F && c <= 0x9F;
	}

	/**
	 * Bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069), which can
	 * make text display in a different order than it is processed ("Trojan Source").
	 * @param c the character
	 * @return whether it is a bidi control
	 */
	static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

}
