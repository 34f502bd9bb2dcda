package io.github.hardening.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson module that normalises every JSON string the application's {@code ObjectMapper} reads into a
 * {@code String} (properties, collection elements, map keys and values) or a {@code JsonNode} tree (field
 * names and string values), except {@link RawText} properties, and sanitises {@link SanitizedHtml} properties.
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
		if (sanitizer != null && sanitizer.mode() != TextMode.OFF) {
			addKeyDeserializer(String.class, new NormalizingKeyDeserializer(sanitizer));
			addDeserializer(JsonNode.class, new NormalizingJsonNodeDeserializer(sanitizer));
		}
	}

}
