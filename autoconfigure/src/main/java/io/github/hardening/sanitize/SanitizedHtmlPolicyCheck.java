package io.github.hardening.sanitize;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fails the startup when a {@link SanitizedHtml} annotation names a policy that does not exist, looking at
 * the parameters of every request mapping and the fields of their types (nested, collections included).
 */
public class SanitizedHtmlPolicyCheck implements SmartInitializingSingleton {

	private static final int MAX_DEPTH = 6;

	private final ListableBeanFactory beanFactory;

	private final HtmlPolicies policies;

	/**
	 * Creates the check.
	 * @param beanFactory where the request mappings are found
	 * @param policies the known policies, or {@code null} when HTML sanitising is not available
	 */
	public SanitizedHtmlPolicyCheck(ListableBeanFactory beanFactory, HtmlPolicies policies) {
		this.beanFactory = beanFactory;
		this.policies = policies;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<Class<?>> seen = new HashSet<>();
		for (RequestMappingHandlerMapping mapping : this.beanFactory
			.getBeansOfType(RequestMappingHandlerMapping.class, false, false)
			.values()) {
			for (HandlerMethod method : mapping.getHandlerMethods().values()) {
				for (MethodParameter parameter : method.getMethodParameters()) {
					check(parameter.getParameterAnnotation(SanitizedHtml.class), method + " parameter "
							+ parameter.getParameterName());
					walk(parameter.getGenericParameterType(), seen, 0);
				}
			}
		}
	}

	private void walk(Type type, Set<Class<?>> seen, int depth) {
		if (depth > MAX_DEPTH) {
			return;
		}
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				walk(argument, seen, depth + 1);
			}
			walk(parameterized.getRawType(), seen, depth + 1);
			return;
		}
		if (!(type instanceof Class<?> clazz) || !isApplicationType(clazz) || !seen.add(clazz)) {
			return;
		}
		if (clazz.isArray()) {
			walk(clazz.getComponentType(), seen, depth + 1);
			return;
		}
		for (Class<?> current = clazz; current != null && isApplicationType(current); current = current
			.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				check(field.getAnnotation(SanitizedHtml.class), current.getName() + "." + field.getName());
				walk(field.getGenericType(), seen, depth + 1);
			}
		}
	}

	private static boolean isApplicationType(Class<?> clazz) {
		if (clazz.isArray()) {
			return true;
		}
		String name = clazz.getName();
		return !clazz.isPrimitive() && !name.startsWith("java.") && !name.startsWith("javax.")
				&& !name.startsWith("jakarta.") && !name.startsWith("org.springframework.")
				&& !name.startsWith("com.fasterxml.");
	}

	private void check(SanitizedHtml annotation, String where) {
		if (annotation == null) {
			return;
		}
		if (this.policies == null) {
			throw new IllegalStateException("@SanitizedHtml on " + where
					+ " needs com.googlecode.owasp-java-html-sanitizer:owasp-java-html-sanitizer on the classpath.");
		}
		if (!this.policies.contains(annotation.value())) {
			throw new IllegalStateException(
					"@SanitizedHtml on " + where + ": " + HtmlPolicies.unknown(annotation.value(), this.policies.names()));
		}
	}

}
