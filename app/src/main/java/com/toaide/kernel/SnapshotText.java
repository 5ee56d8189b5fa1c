package com.toaide.kernel;

import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A snapshot written straight to its JSON text ({@link SnapshotJson} has the tree and reading):
 * the server stores every edit's snapshot, so this is on every edit's path. No tree is built, and
 * an entity unchanged since it was last written is copied from the text it keeps.
 */
final class SnapshotText {
    private SnapshotText() {}

    /**
     * The same JSON as {@code write(snapshot).toString()}, written straight to text: the server
     * stores every edit's snapshot, and building the tree first cost as much as writing it.
     */
    static String of(Snapshot snapshot) {
        var out = new StringWriter(expectedLength(snapshot));
        try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
            write(json, snapshot, true);
        }
        return out.toString();
    }

    /**
     * About the length the snapshot's text will have, from the texts its entities keep, so the
     * buffer is allocated once at about the right size (it was twice the size of a typical page,
     * the largest allocation of an edit).
     */
    private static int expectedLength(Snapshot snapshot) {
        int length = 256;
        for (Entity entity : snapshot.entities.values()) {
            length += entity.text == null ? 320 : entity.id.length() + entity.text.length() + 4;
        }
        return length;
    }

    /**
     * Writes the snapshot as the next value of {@code json}. With {@code keepTexts} each entity's
     * text is kept for the next write (the edit path writes the same snapshot again and again);
     * without, entities are written straight through (the replay command writes each snapshot once).
     */
    static void write(JsonGenerator json, Snapshot snapshot, boolean keepTexts) {
        EntityTexts texts = null;
        json.writeStartObject();
        json.writeName("meta");
        value(json, SnapshotJson.meta(snapshot));
        json.writeObjectPropertyStart("entities");
        for (Entity entity : snapshot.entities.values()) {
            if (!keepTexts && entity.text == null) {
                json.writeName(entity.id);
                entity(json, entity);
                continue;
            }
            if (entity.text == null) {
                texts = texts == null ? new EntityTexts() : texts;
                entity.text = texts.of(entity);
            }
            json.writeName(entity.id);
            json.writeRawValue(entity.text);
        }
        json.writeEndObject();
        json.writeArrayPropertyStart("relationships");
        for (Relationship link : snapshot.links.all()) {
            json.writeStartObject();
            json.writeStringProperty("from", link.from());
            json.writeStringProperty("to", link.to());
            json.writeStringProperty("type", link.type());
            json.writeStringProperty("cardinality", link.cardinality());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectPropertyStart("rel_cardinalities");
        for (var cardinality : snapshot.relCardinalities.entrySet()) {
            json.writeStringProperty(cardinality.getKey(), cardinality.getValue());
        }
        json.writeEndObject();
        json.writeObjectPropertyStart("rel_constraints");
        for (var rule : snapshot.linkRules.entrySet()) {
            json.writeName(rule.getKey());
            value(json, rule.getValue().toJson());
        }
        json.writeEndObject();
        json.writeObjectPropertyStart("styles");
        json.writeName("global");
        values(json, snapshot.globalStyles);
        json.writeObjectPropertyStart("entities");
        for (var style : snapshot.entityStyles.entrySet()) {
            json.writeName(style.getKey());
            values(json, style.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeNumberProperty("_sequence", snapshot.sequence);
        json.writeEndObject();
        if (texts != null) {
            texts.close();
        }
    }

    /**
     * Writes entities' JSON objects one at a time, each to its own text, through one generator.
     * Closed after use: a generator's buffers (about 4 KB) go back to Jackson's pool only then,
     * and an edit makes one of these.
     */
    private static final class EntityTexts implements AutoCloseable {
        private final StringWriter buffer = new StringWriter(512);
        private final JsonGenerator json = Json.MAPPER.createGenerator(buffer);

        String of(Entity entity) {
            buffer.getBuffer().setLength(0);
            entity(json, entity);
            json.flush();
            // Values at the generator's top level are separated by a space; an object starts at '{'.
            StringBuffer written = buffer.getBuffer();
            int start = written.indexOf("{");
            return written.substring(start);
        }

        @Override
        public void close() {
            json.close();
        }
    }

    // An entity's keys, escaped once instead of on every write (the replay command writes millions).
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString PARENT = new SerializedString("parent");
    private static final SerializedString DISPLAY = new SerializedString("display");
    private static final SerializedString PROPS = new SerializedString("props");
    private static final SerializedString REMOVED = new SerializedString("_removed");
    private static final SerializedString CHILDREN = new SerializedString("_children");
    private static final SerializedString CREATED_SEQ = new SerializedString("_created_seq");
    private static final SerializedString UPDATED_SEQ = new SerializedString("_updated_seq");
    private static final SerializedString REMOVED_SEQ = new SerializedString("_removed_seq");
    private static final SerializedString STYLES = new SerializedString("_styles");

    private static void entity(JsonGenerator json, Entity entity) {
        json.writeStartObject();
        json.writeName(ID);
        json.writeString(entity.id);
        json.writeName(PARENT);
        json.writeString(entity.parent);
        json.writeName(DISPLAY);
        json.writeString(entity.display);
        json.writeName(PROPS);
        values(json, entity.props);
        json.writeName(REMOVED);
        json.writeBoolean(entity.removed);
        json.writeName(CHILDREN);
        json.writeStartArray();
        for (String child : entity.children) {
            json.writeString(child);
        }
        json.writeEndArray();
        json.writeName(CREATED_SEQ);
        json.writeNumber(entity.createdSeq);
        json.writeName(UPDATED_SEQ);
        json.writeNumber(entity.updatedSeq);
        if (entity.removedSeq >= 0) {
            json.writeName(REMOVED_SEQ);
            json.writeNumber(entity.removedSeq);
        }
        if (entity.styles != null) {
            json.writeName(STYLES);
            values(json, entity.styles);
        }
        json.writeEndObject();
    }

    private static void values(JsonGenerator json, Map<String, JsonNode> values) {
        json.writeStartObject();
        for (var value : values.entrySet()) {
            json.writeName(value.getKey());
            value(json, value.getValue());
        }
        json.writeEndObject();
    }

    /**
     * A value, written as {@code writeTree} writes it but without looking up a serializer for every
     * value (a third of the replay command's writing time), nor needing the mapper's context: the
     * replay command's generator has none ({@link JsonTokens}). A kind of node JSON text does not
     * make is written as the mapper writes it.
     */
    private static void value(JsonGenerator json, JsonNode value) {
        if (value instanceof StringNode) {
            json.writeString(value.stringValue());
        } else if (value instanceof IntNode) {
            json.writeNumber(value.intValue());
        } else if (value instanceof LongNode) {
            json.writeNumber(value.longValue());
        } else if (value instanceof DoubleNode) {
            json.writeNumber(value.doubleValue());
        } else if (value instanceof BooleanNode) {
            json.writeBoolean(value.booleanValue());
        } else if (value instanceof NullNode) {
            json.writeNull();
        } else if (value instanceof ArrayNode items) {
            json.writeStartArray();
            for (JsonNode item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof ObjectNode object) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                json.writeName(property.getKey());
                value(json, property.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof BigIntegerNode) {
            json.writeNumber(value.bigIntegerValue());
        } else {
            json.writeRawValue(Json.MAPPER.writeValueAsString(value));
        }
    }

}
