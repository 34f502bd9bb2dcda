package io.github.hardening.sanitize;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.github.hardening.core.HardeningCounter;

/**
 * Refuses a request in which {@link ParameterEncodingFilter} found a malformed parameter, with 400
 * {@code invalid-text} naming it, unless the handler binds that parameter to a {@link RawText} argument. A
 * malformed parameter that no handler argument binds is refused too: the application could still read it
 * through {@code getParameter}, already altered by the container.
 */
class MalformedParameterInterceptor implements HandlerInterceptor {

	static final String REASON = "is not well-formed UTF-8 or has an invalid percent escape";

	private final HardeningCounter rejected;

	/**
	 * Creates the interceptor.
	 * @param rejected counts refused values
	 */
	MalformedParameterInterceptor(HardeningCounter rejected) {
		this.rejected = rejected;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		MalformedParameters found = MalformedParameters.of(request);
		if (found == null || request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		if (found.isFormPending()) {
			// Parses the form body through the wrapper; Spring MVC would ask for the parameters next anyway.
			request.getParameterMap();
		}
		if (found.isEmpty()) {
			return true;
		}
		Set<String> raw = rawNames(handler);
		for (String name : found.parameterNames()) {
			if (!raw.contains(name)) {
				throw refuse(name);
			}
		}
		return true;
	}

	private InvalidTextException refuse(String field) {
		this.rejected.increment();
		return new InvalidTextException(field, REASON);
	}

	private static Set<String> rawNames(Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return Set.of();
		}
		Set<String> names = new HashSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RawText.class)) {
				String name = boundName(parameter);
				if (name != null) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static String boundName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String name = "";
		if (param != null) {
			name = param.name().isEmpty() ? param.value() : param.name();
		}
		if (name.isEmpty()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			name = parameter.getParameterName();
		}
		return name;
	}

}
