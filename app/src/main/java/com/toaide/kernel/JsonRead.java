package com.toaide.kernel;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for stored JSON: a stored snapshot or log row of an odd shape gets a
 * default instead of an exception. Events are read strictly by {@link EventParser} instead.
 */
final class JsonRead {
    private JsonRead() {}

    static String string(JsonNode node, String fallback) {
        return node != null && node.isString() ? node.stringValue() : fallback;
    }

    static long integer(JsonNode node, long fallback) {
        return node != null && node.isNumber() ? node.asLong() : fallback;
    }

    static boolean bool(JsonNode node, boolean fallback) {
        return node != null && node.isBoolean() ? node.booleanValue() : fallback;
    }

    /** Strings of an array, skipping anything else; empty for a non-array. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (item.isString()) {
                    out.add(item.stringValue());
                }
            }
        }
        return out;
    }

    /** A copy that callers cannot change under us; null for a missing node. */
    static JsonNode scalarOrNull(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return node.isContainer() ? node.deepCopy() : node;
    }
}
