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
 * Reads JSON strings as Jackson does, then normalises them. Properties annotated with {@link RawText} get
 * Jackson's own deserializer; a refusal is wrapped by Jackson with the JSON path of the property.
 */
class NormalizingStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

	private static final long serialVersionUID = 1L;

	private final transient TextSanitizer sanitizer;

	NormalizingStringDeserializer(TextSanitizer sanitizer) {
		super(String.class);
		this.sanitizer = sanitizer;
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		return this.sanitizer.apply(StringDeserializer.instance.deserialize(parser, context), null);
	}

	@Override
	public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		if (property != null && property.getAnnotation(RawText.class) != null) {
			return StringDeserializer.instance;
		}
		return this;
	}

}
