package io.github.hardening.sanitize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Bean Validation constraint. Rejects text that contains HTML markup: a {@code <} that starts a tag, comment or processing instruction, or a character reference such as {@code &lt;} that could turn into one.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoHtmlValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
		ElementType.TYPE_USE })
public @interface NoHtml {

	/**
	 * Message of a violation.
	 * @return the message
	 */
	String message() default "contains HTML markup";

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
