package io.github.hardening.sanitize;

import java.io.IOException;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualKeyDeserializer;

/**
 * Normalises the {@code String} keys of maps read from JSON, as {@link NormalizingStringDeserializer} does
 * for values; a map property annotated with {@link RawText} keeps its keys as sent. A refused key is named by
 * the path of its map. Two keys that normalise to the same text keep the later value, as duplicate keys do.
 */
class NormalizingKeyDeserializer extends KeyDeserializer implements ContextualKeyDeserializer {

	private static final KeyDeserializer RAW = new KeyDeserializer() {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			return key;
		}

	};

	private final TextSanitizer sanitizer;

	/**
	 * Creates the key deserializer.
	 * @param sanitizer normalises text
	 */
	NormalizingKeyDeserializer(TextSanitizer sanitizer) {
		this.sanitizer = sanitizer;
	}

	@Override
	public Object deserializeKey(String key, DeserializationContext context) throws IOException {
		try {
			return this.sanitizer.apply(key, null);
		}
		catch (InvalidTextException ex) {
			// A checked mapping exception, so that Jackson adds the map's path and Spring answers 400.
			throw JsonMappingException.from(context, "Refused map key", ex);
		}
	}

	@Override
	public KeyDeserializer createContextual(DeserializationContext context, BeanProperty property) {
		return (property != null && property.getAnnotation(RawText.class) != null) ? RAW : this;
	}

}
