package io.github.hardening.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson module that normalises every JSON string the application's {@code ObjectMapper} reads into a
 * {@code String} (properties, collection elements, map keys and values, untyped maps at any depth) or a
 * {@code JsonNode} tree (field names and string values), except {@link RawText} properties; sanitises
 * {@link SanitizedHtml} properties; and runs the suspicious-input detector on the string values of both.
 */
public class SanitizeJacksonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the module.
	 * @param sanitizer applies the text mode, or {@code null} when JSON text is not normalised
	 * @param html the HTML policies, or {@code null} when OWASP java-html-sanitizer is absent
	 * @param findings the suspicious-input detector, or {@code null}
	 */
	public SanitizeJacksonModule(TextSanitizer sanitizer, HtmlPolicies html, SuspiciousInputFindings findings) {
		super("hardening-sanitize");
		addDeserializer(String.class, new NormalizingStringDeserializer(sanitizer, html, null, findings));
		boolean normalizes = sanitizer != null && sanitizer.mode() != TextMode.OFF;
		if (normalizes) {
			NormalizingKeyDeserializer keys = new NormalizingKeyDeserializer(sanitizer);
			addKeyDeserializer(String.class, keys);
			// Keys of untyped maps (a raw Map, objects nested under an Object value) are Object keys; Jackson 2.19
			// and later read those of nested untyped objects through this key deserializer too.
			addKeyDeserializer(Object.class, keys);
		}
		if (normalizes || findings != null) {
			addDeserializer(JsonNode.class, new NormalizingJsonNodeDeserializer(normalizes ? sanitizer : null, findings));
		}
	}

}
