package io.github.hardening.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies rate-limit policies, by name, to a handler method or to every handler of a controller, as an
 * alternative to matching paths. The policies are configured under {@code hardening.rate-limit.policies}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

	/**
	 * Names of the policies to apply.
	 * @return policy names
	 */
	String[] value();

}
