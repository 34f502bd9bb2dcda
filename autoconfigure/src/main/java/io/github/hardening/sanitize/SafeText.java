package io.github.hardening.sanitize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Bean Validation constraint. Rejects text with control characters other than tab, CR and LF,
 * bidirectional override or isolate characters, or unpaired surrogates, and text longer than
 * {@link #maxLength()} code points. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = SafeTextValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
public @interface SafeText {

	/**
	 * Longest text allowed, in code points; 0 for no limit.
	 * @return the limit
	 */
	int maxLength() default 0;

	/**
	 * Message of a violation.
	 * @return the message
	 */
	String message() default "contains control or bidirectional characters, or is too long";

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
