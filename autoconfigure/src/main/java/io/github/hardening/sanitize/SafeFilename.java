package io.github.hardening.sanitize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Bean Validation constraint. Rejects a file name that {@link SafeFilenames#sanitize(String)} would change or refuse: separators, {@code ..}, control characters, reserved device names, more than 255 UTF-8 bytes.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = SafeFilenameValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
public @interface SafeFilename {

	/**
	 * Message of a violation.
	 * @return the message
	 */
	String message() default "is not a safe file name";

	/**
	 * Validation groups.
	 * @return the groups
	 */
	Class<?>[] groups() default {};

	/**
	 * Payload.
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

}
