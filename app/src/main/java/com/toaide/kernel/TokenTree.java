package com.toaide.kernel;

import java.util.LinkedHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Builds the value at a parser's current token into a tree exactly as {@code ObjectMapper.readTree}
 * does with the mapper's default features (the same node type for the same number; a repeated key
 * keeps its first place and its last value; the same limits, which the parser enforces), without
 * the mapper's per-call set-up. The batch commands read only the parts of a line they need as trees.
 */
public final class TokenTree {
    private static final JsonNodeFactory NODES = SnapshotJson.NODES;

    private final JsonParser parser;
    private boolean sawNul;

    public TokenTree(JsonParser parser) {
        this.parser = parser;
    }

    /** Whether some name or string read so far held U+0000 (a repeated key may have dropped it since). */
    boolean sawNul() {
        return sawNul;
    }

    /** The value starting at the current token; the parser is left on its last token. */
    public JsonNode value() {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> string();
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> fraction();
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> embedded(parser.getEmbeddedObject());
            default -> throw new IllegalStateException("no value at " + parser.currentToken());
        };
    }

    /** The next property's name, with the parser moved to its value; null at the end of the object. */
    public String nextName() {
        String name = parser.nextName();
        if (name != null) {
            noteNul(name);
            parser.nextToken();
        }
        return name;
    }

    /**
     * Reads past the value at the current token as {@link #value()} would read it, building nothing:
     * strings are still taken out, as the tree reader takes them, so the parser's length limits
     * apply the same.
     */
    public void skip() {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                parser.getString();
            }
        } while (depth > 0 && parser.nextToken() != null);
    }

    private ObjectNode object() {
        return new ObjectNode(NODES, fields());
    }

    /**
     * The object at the current token as the map its {@code ObjectNode} holds (the parser is left
     * on its end), for a reader that keeps the map itself: an event's props go into the event as
     * read, not copied out of a node.
     */
    LinkedHashMap<String, JsonNode> fields() {
        LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
        for (String name = nextName(); name != null; name = nextName()) {
            fields.put(name, value());
        }
        return fields;
    }

    private ArrayNode array() {
        ArrayNode items = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value());
        }
        return items;
    }

    private JsonNode string() {
        String text = parser.getString();
        noteNul(text);
        return NODES.stringNode(text);
    }

    // Numbers as Jackson's BaseNodeDeserializer makes them with the mapper's default features.

    private JsonNode integer() {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private JsonNode fraction() {
        return switch (parser.getNumberTypeFP()) {
            case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
            case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
            default -> NODES.numberNode(parser.getDoubleValue());
        };
    }

    /** Only a tree walked as tokens has these. */
    private static JsonNode embedded(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        if (value instanceof RawValue raw) {
            return NODES.rawValueNode(raw);
        }
        return value instanceof JsonNode node ? node : NODES.pojoNode(value);
    }

    private void noteNul(String text) {
        if (text.indexOf('\0') >= 0) {
            sawNul = true;
        }
    }
}
