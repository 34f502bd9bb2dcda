package io.github.hardening.sanitize;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads a {@link JsonNode} tree as Jackson does, then normalises its field names and string values in place
 * and runs the suspicious-input detector on its string values, as for JSON strings read into a
 * {@code String}. A refused value is named by its path inside the tree ({@code items[2].name}); a
 * {@link RawText} property keeps its tree as sent. A tree that needs no change is returned without copying.
 */
class NormalizingJsonNodeDeserializer extends StdDeserializer<JsonNode> implements ContextualDeserializer {

	private static final long serialVersionUID = 1L;

	private static final JsonDeserializer<? extends JsonNode> TREES = JsonNodeDeserializer
		.getDeserializer(JsonNode.class);

	private final transient TextSanitizer sanitizer;

	private final transient SuspiciousInputFindings findings;

	/**
	 * Creates the deserializer.
	 * @param sanitizer normalises text, or {@code null} to leave text as read
	 * @param findings the suspicious-input detector, or {@code null}
	 */
	NormalizingJsonNodeDeserializer(TextSanitizer sanitizer, SuspiciousInputFindings findings) {
		super(JsonNode.class);
		this.sanitizer = sanitizer;
		this.findings = findings;
	}

	@Override
	public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		JsonNode tree = TREES.deserialize(parser, context);
		try {
			return normalize(tree, null);
		}
		catch (InvalidTextException ex) {
			// A checked mapping exception, so that an enclosing property adds its path and Spring answers 400.
			throw JsonMappingException.from(parser, "Refused text in a JSON tree", ex);
		}
	}

	@Override
	public JsonNode getNullValue(DeserializationContext context) {
		return NullNode.getInstance();
	}

	@Override
	public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		return (property != null && property.getAnnotation(RawText.class) != null) ? TREES : this;
	}

	// The name is the field the node sits at (an element's: its array's), for the detector's finding.
	private JsonNode normalize(JsonNode node, String name) {
		if (node.isTextual()) {
			String value = node.textValue();
			String normalized = (this.sanitizer != null) ? this.sanitizer.apply(value, null) : value;
			if (this.findings != null) {
				this.findings.inspectCurrentRequest("json", name, normalized);
			}
			return (normalized != value) ? TextNode.valueOf(normalized) : node;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				JsonNode normalized;
				try {
					// Elements are found under their array's name; the index is written only into a refusal.
					normalized = normalize(element, name);
				}
				catch (InvalidTextException ex) {
					throw ex.forField(join("[" + i + "]", ex.getField()));
				}
				if (normalized != element) {
					array.set(i, normalized);
				}
			}
		}
		else if (node instanceof ObjectNode object) {
			normalizeObject(object);
		}
		return node;
	}

	private void normalizeObject(ObjectNode object) {
		Map<String, String> renamed = null;
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			String name = field.getKey();
			// A refused name is named by the path of its object: the name itself is what cannot be shown.
			String normalizedName = (this.sanitizer != null) ? this.sanitizer.apply(name, null) : name;
			if (normalizedName != name) {
				renamed = (renamed != null) ? renamed : new HashMap<>();
				renamed.put(name, normalizedName);
			}
			JsonNode value = field.getValue();
			JsonNode normalized = within(name, value);
			if (normalized != value) {
				field.setValue(normalized);
			}
		}
		if (renamed != null) {
			// Rebuilt in order; a name that normalises to an existing one keeps the later value, as duplicates do.
			Map<String, JsonNode> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				fields.put(renamed.getOrDefault(field.getKey(), field.getKey()), field.getValue());
			}
			object.removeAll();
			object.setAll(fields);
		}
	}

	private JsonNode within(String step, JsonNode child) {
		try {
			return normalize(child, step);
		}
		catch (InvalidTextException ex) {
			throw ex.forField(join(step, ex.getField()));
		}
	}

	static String join(String outer, String inner) {
		if (inner == null) {
			return outer;
		}
		if (outer == null) {
			return inner;
		}
		return inner.startsWith("[") ? outer + inner : outer + "." + inner;
	}

}
