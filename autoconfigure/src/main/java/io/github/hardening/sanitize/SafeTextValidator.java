package io.github.hardening.sanitize;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link SafeText}.
 */
public class SafeTextValidator implements ConstraintValidator<SafeText, CharSequence> {

	private int maxLength;

	@Override
	public void initialize(SafeText annotation) {
		this.maxLength = annotation.maxLength();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		int length = value.length();
		int codePoints = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c) || TextCharacters.isControl(c) || TextCharacters.isBidiControl(c)) {
				return false;
			}
			codePoints++;
		}
		return this.maxLength <= 0 || codePoints <= this.maxLength;
	}

}
