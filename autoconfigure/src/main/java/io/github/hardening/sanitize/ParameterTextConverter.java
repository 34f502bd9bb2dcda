package io.github.hardening.sanitize;

import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Normalises request parameters, path variables and {@code @ModelAttribute} fields as Spring MVC binds
 * them to {@code String}s. Registered in the MVC conversion service, which the data binder consults for
 * every {@code String} target; headers, cookies and {@link RawText} targets are left alone.
 */
class ParameterTextConverter implements ConditionalGenericConverter {

	private final TextSanitizer sanitizer;

	ParameterTextConverter(TextSanitizer sanitizer) {
		this.sanitizer = sanitizer;
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, String.class));
	}

	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return !targetType.hasAnnotation(RawText.class) && !targetType.hasAnnotation(RequestHeader.class)
				&& !targetType.hasAnnotation(CookieValue.class);
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		return this.sanitizer.apply((String) source, null);
	}

}
