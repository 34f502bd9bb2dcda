package io.github.hardening.sanitize;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Reads JSON strings as Jackson does, then normalises them and, for {@link SanitizedHtml} properties,
 * sanitises them with the named policy. {@link RawText} properties skip normalisation; a refusal is wrapped
 * by Jackson with the JSON path of the property.
 */
class NormalizingStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

	private static final long serialVersionUID = 1L;

	private final transient TextSanitizer sanitizer;

	private final transient HtmlPolicies html;

	private final String policy;

	private final transient SuspiciousInputFindings findings;

	/**
	 * Creates the deserializer.
	 * @param sanitizer normalises text, or {@code null} to leave text as read
	 * @param html the HTML policies, or {@code null} when HTML sanitising is not available
	 * @param policy the policy applied to every value, or {@code null}
	 * @param findings the suspicious-input detector, or {@code null}
	 */
	NormalizingStringDeserializer(TextSanitizer sanitizer, HtmlPolicies html, String policy,
			SuspiciousInputFindings findings) {
		super(String.class);
		this.sanitizer = sanitizer;
		this.html = html;
		this.policy = policy;
		this.findings = findings;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		String value = StringDeserializer.instance.deserialize(parser, context);
		if (this.sanitizer != null) {
			value = this.sanitizer.apply(value, null);
		}
		if (this.findings != null && value != null) {
			this.findings.inspectCurrentRequest("json", parser.currentName(), value);
		}
		return (this.policy != null) ? this.html.sanitize(this.policy, value) : value;
	}

	@Override
	public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		if (property == null) {
			return this;
		}
		boolean raw = property.getAnnotation(RawText.class) != null;
		SanitizedHtml sanitized = property.getAnnotation(SanitizedHtml.class);
		if (sanitized != null) {
			if (this.html == null || !this.html.contains(sanitized.value())) {
				// Normally caught at startup by SanitizedHtmlPolicyCheck; this covers types it could not see.
				throw new IllegalStateException(HtmlPolicies.unknown(sanitized.value(),
						(this.html != null) ? this.html.names() : java.util.Set.of()));
			}
			return new NormalizingStringDeserializer(raw ? null : this.sanitizer, this.html, sanitized.value(),
					this.findings);
		}
		if (raw || (this.sanitizer == null && this.findings == null)) {
			return StringDeserializer.instance;
		}
		return this;
	}

}
