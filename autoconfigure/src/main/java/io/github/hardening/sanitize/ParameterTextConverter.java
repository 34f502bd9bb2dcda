package io.github.hardening.sanitize;

import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Normalises request parameters, path variables and {@code @ModelAttribute} fields as Spring MVC binds
 * them to {@code String}s, and sanitises {@link SanitizedHtml} ones. Registered in the MVC conversion
 * service, which the data binder consults for every {@code String} target; headers, cookies and
 * {@link RawText} targets are not normalised.
 */
class ParameterTextConverter implements ConditionalGenericConverter {

	private final TextSanitizer sanitizer;

	private final HtmlPolicies html;

	/**
	 * Creates the converter.
	 * @param sanitizer normalises text, or {@code null} to leave parameters as received
	 * @param html the HTML policies, or {@code null}
	 */
	ParameterTextConverter(TextSanitizer sanitizer, HtmlPolicies html) {
		this.sanitizer = sanitizer;
		this.html = html;
	}

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return Set.of(new ConvertiblePair(String.class, String.class));
	}

	@Override
	public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (targetType.hasAnnotation(SanitizedHtml.class)) {
			return this.html != null;
		}
		return this.sanitizer != null && !targetType.hasAnnotation(RawText.class)
				&& !targetType.hasAnnotation(RequestHeader.class) && !targetType.hasAnnotation(CookieValue.class);
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		String value = (String) source;
		if (this.sanitizer != null && !targetType.hasAnnotation(RawText.class)) {
			value = this.sanitizer.apply(value, null);
		}
		SanitizedHtml sanitized = targetType.getAnnotation(SanitizedHtml.class);
		return (sanitized != null) ? this.html.sanitize(sanitized.value(), value) : value;
	}

}
