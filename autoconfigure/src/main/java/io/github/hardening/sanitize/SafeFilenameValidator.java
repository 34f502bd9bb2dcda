package io.github.hardening.sanitize;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validates {@link SafeFilename}: the name is valid when sanitising it would change nothing.
 */
public class SafeFilenameValidator implements ConstraintValidator<SafeFilename, CharSequence> {

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		String name = value.toString();
		try {
			return SafeFilenames.sanitize(name).equals(name);
		}
		catch (UnsafePathException ex) {
			return false;
		}
	}

}
