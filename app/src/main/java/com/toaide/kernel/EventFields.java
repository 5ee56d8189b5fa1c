package com.toaide.kernel;

import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * The top-level fields of one event as {@link EventReader} read them, for {@link EventParser} to
 * judge. Like Jackson's {@code ObjectNode}, a repeated name keeps its first place and its last
 * value; unlike it, an event's half dozen fields need no hash table.
 */
final class EventFields {
    private String[] names = new String[8];
    private JsonNode[] values = new JsonNode[8];
    private int size;

    void put(String name, JsonNode value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
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
