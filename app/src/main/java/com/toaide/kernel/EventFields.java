package com.toaide.kernel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level fields of one event as {@link EventReader} read them, for {@link EventParser} to
 * judge. Like Jackson's {@code ObjectNode}, a repeated name keeps its first place and its last
 * value; unlike it, an event's half dozen fields need no hash table.
 *
 * <p>An object's field map is kept beside its node, so that {@link EventParser} can hand an
 * event's props on as read instead of copying them out of the node (the replay command reads a
 * million events a run). Nothing else holds these maps.
 */
final class EventFields {
    private String[] names = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private Map<?, ?>[] objects = new Map<?, ?>[8];
    private int size;

    void put(String name, JsonNode value) {
        put(name, value, null);
    }

    /** An object value given as the map its node holds. */
    void putObject(String name, LinkedHashMap<String, JsonNode> fields) {
        put(name, new ObjectNode(SnapshotJson.NODES, fields), fields);
    }

    private void put(String name, JsonNode value, Map<String, JsonNode> fields) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                objects[i] = fields;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
            objects = Arrays.copyOf(objects, size * 2);
        }
        names[size] = name;
        objects[size] = fields;
        values[size++] = value;
    }

    /** The field's value, null when absent (a JSON null is a {@code NullNode}). */
    JsonNode get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** The map the field's object node holds, which the caller may keep; null when the field is absent or not an object. */
    @SuppressWarnings("unchecked")
    Map<String, JsonNode> object(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return (Map<String, JsonNode>) objects[i];
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    JsonNode value(int i) {
        return values[i];
    }
}
