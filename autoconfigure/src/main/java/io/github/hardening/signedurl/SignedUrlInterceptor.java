package io.github.hardening.signedurl;

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

	SignedUrlInterceptor(SignedUrlEnforcer enforcer) {
		this.enforcer = enforcer;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (handler instanceof HandlerMethod method && (method.hasMethodAnnotation(SignedUrlRequired.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), SignedUrlRequired.class))) {
			return this.enforcer.enforce(request, response);
		}
		return true;
	}

}
