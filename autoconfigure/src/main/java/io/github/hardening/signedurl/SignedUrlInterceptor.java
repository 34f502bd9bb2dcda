package io.github.hardening.signedurl;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires a validly signed URL for handler methods annotated with {@link SignedUrlRequired}.
 */
class SignedUrlInterceptor implements HandlerInterceptor {

	private final SignedUrlEnforcer enforcer;

	/** Whether a handler needs a signed URL, per method and per type: looked up once, not on every request. */
	private final Map<Method, Boolean> onMethods = new ConcurrentHashMap<>();

	private final Map<Class<?>, Boolean> onTypes = new ConcurrentHashMap<>();

	SignedUrlInterceptor(SignedUrlEnforcer enforcer) {
		this.enforcer = enforcer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (handler instanceof HandlerMethod method && (this.onMethods.computeIfAbsent(method.getMethod(),
				SignedUrlInterceptor::requiredOnMethod)
				|| this.onTypes.computeIfAbsent(method.getBeanType(), SignedUrlInterceptor::required))) {
			return this.enforcer.enforce(request, response);
		}
		return true;
	}

	// Find semantics for methods, as HandlerMethod.hasMethodAnnotation has: interfaces and superclasses too.
	private static boolean requiredOnMethod(Method method) {
		return AnnotatedElementUtils.findMergedAnnotation(method, SignedUrlRequired.class) != null;
	}

	private static boolean required(AnnotatedElement type) {
		return AnnotatedElementUtils.hasAnnotation(type, SignedUrlRequired.class);
	}

}
