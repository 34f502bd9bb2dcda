package io.github.hardening.sanitize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitises an HTML string JSON property or request parameter with a named policy as it is read: the
 * built-ins {@code none}, {@code formatting}, {@code basic}, {@code rich}, or one defined under
 * {@code hardening.sanitize.html.policies}. An unknown name fails the startup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface SanitizedHtml {

	/**
	 * Name of the policy.
	 * @return the policy name
	 */
	String value() default "basic";

}
