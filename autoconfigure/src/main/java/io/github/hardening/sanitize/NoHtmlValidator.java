package io.github.hardening.sanitize;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link NoHtml}: text may hold {@code <} and {@code &} in prose ("1 < 2", "R&D"), but nothing a
 * browser would read as a tag, comment or character reference.
 */
public class NoHtmlValidator implements ConstraintValidator<NoHtml, CharSequence> {

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || !containsHtml(value);
	}

	static boolean containsHtml(CharSequence value) {
		int length = value.length();
		for (int i = 0; i < length - 1; i++) {
			char c = value.charAt(i);
			char next = value.charAt(i + 1);
			if (c == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?')) {
				return true;
			}
			if (c == '&' && (Character.isLetter(next) || next == '#') && isReference(value, i + 1)) {
				return true;
			}
		}
		return false;
	}

	// A name or number of up to 32 characters followed by ';' is a character reference.
	private static boolean isReference(CharSequence value, int from) {
		for (int i = from; i < value.length() && i < from + 32; i++) {
			char c = value.charAt(i);
			if (c == ';') {
				return i > from;
			}
			if (!Character.isLetterOrDigit(c) && c != '#') {
				return false;
			}
		}
		return false;
	}

}
