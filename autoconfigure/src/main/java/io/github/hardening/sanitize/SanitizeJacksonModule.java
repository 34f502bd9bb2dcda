package io.github.hardening.sanitize;

import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Jackson module that normalises every JSON string the application's {@code ObjectMapper} reads into a
 * {@code String} (properties, collection elements, map values), except {@link RawText} properties.
 */
public class SanitizeJacksonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the module.
	 * @param sanitizer applies the text mode
	 */
	public SanitizeJacksonModule(TextSanitizer sanitizer) {
		super("hardening-sanitize");
		addDeserializer(String.class, new NormalizingStringDeserializer(sanitizer));
	}

}
