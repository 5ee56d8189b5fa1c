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
 * Reads one event from a JSON token stream into {@link EventFields} and hands them to
 * {@link EventParser}: the replay command reads its lines this way, and {@link Event#fromJson}
 * walks a tree the same way, so there is one way events are read.
 *
 * <p>Field values are built as Jackson's tree reader builds them (the same node type for the same
 * number, a repeated key keeps its first place and its last value), so an event read from text is
 * judged exactly as the same text read into a tree was; only the event's own object, and a walk
 * of every event looking for NUL characters, are saved.
 */
final class EventReader {
    private static final JsonNodeFactory NODES = SnapshotJson.NODES;

    private final JsonParser parser;
    /** Whether some name or string seen held U+0000; whether one is left once repeats are resolved is decided later. */
    private boolean sawNul;

    private EventReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the value at the parser's current token, leaving the parser on its last token; never returns null. */
    static Event read(JsonParser parser) {
        EventReader reader = new EventReader(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            reader.value(); // read through all the same, so that its errors are the tree reader's
            return EventParser.notAnObject();
        }
        EventFields fields = new EventFields();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            reader.noteNul(name);
            parser.nextToken();
            fields.put(name, reader.value());
        }
        return EventParser.parse(fields, reader.sawNul);
    }

    private JsonNode value() {
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

    private ObjectNode object() {
        LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            noteNul(name);
            parser.nextToken();
            fields.put(name, value());
        }
        return new ObjectNode(NODES, fields);
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
