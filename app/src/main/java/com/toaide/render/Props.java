package com.toaide.render;

import com.toaide.kernel.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * How the renderer reads an entity's props: which keys show, which key names a title or a
 * label, and how hints ({@code _sort_by}, {@code _show_fields}, ...) are parsed.
 */
final class Props {

    static final List<String> TITLE_KEYS = List.of("title", "name");
    static final List<String> CARD_TITLE_KEYS = List.of("title", "name", "task", "label");
    static final List<String> ITEM_LABEL_KEYS = List.of("task", "label", "name", "title");
    static final List<String> LIST_PRIMARY_KEYS = List.of("name", "title");
    static final List<String> METRIC_LABEL_KEYS = List.of("label", "name", "title");
    static final List<String> TEXT_KEYS = List.of("text", "content", "body");
    static final List<String> CELL_KEYS = List.of("value", "text", "label", "name", "title");
    static final List<String> LEAD_KEYS = List.of("description", "subtitle", "summary", "tagline");
    static final List<String> ALT_KEYS = List.of("alt", "caption", "title", "name");
    static final Set<String> IMAGE_KEYS = Set.of("src", "url", "alt", "caption");

    private Props() {}

    /** The first of {@code keys} the entity has with a value that shows. */
    static String firstKey(Entity e, List<String> keys) {
        // By index: the lists are constants, and an iterator per call showed in profiles.
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            JsonNode v = e.prop(k);
            JsonNodeType kind = v == null ? JsonNodeType.NULL : v.getNodeType();
            if (kind != JsonNodeType.NULL && kind != JsonNodeType.MISSING
                    && !(kind == JsonNodeType.STRING && v.stringValue().isBlank())) {
                return k;
            }
        }
        return null;
    }

    /** The first of {@code keys} the entity has, else its first visible key; null if none. */
    static String firstKeyOrVisible(Entity e, List<String> keys) {
        String key = firstKey(e, keys);
        if (key == null) {
            for (String k : e.props().keySet()) {
                if (visible(k)) {
                    return k;
                }
            }
        }
        return key;
    }

    static JsonNode styleNames(Entity e) {
        JsonNode v = e.prop("_styles");
        return v != null ? v : e.prop("styles");
    }

    /** Keys starting with {@code _} are hints; {@code styles} is a style hint too. */
    static boolean visible(String key) {
        return !key.isEmpty() && key.charAt(0) != '_' && !key.equals("styles");
    }

    static boolean present(JsonNode v) {
        // One call for the node's kind instead of isNull() and isMissingNode() (see Values.fill).
        if (v == null) {
            return false;
        }
        JsonNodeType kind = v.getNodeType();
        return kind != JsonNodeType.NULL && kind != JsonNodeType.MISSING;
    }

    static boolean bool(JsonNode v) {
        return v != null && v.isBoolean();
    }

    /** A one-word hint: a non-blank string, stripped. */
    static String word(JsonNode v) {
        if (v == null || !v.isString()) {
            return null;
        }
        String s = v.stringValue().strip();
        return s.isEmpty() ? null : s;
    }

    /** A hint naming keys: a list of strings or one comma-separated string. */
    static List<String> strings(JsonNode v) {
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode x : v) {
                String s = word(x);
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (v.isString()) {
            for (String s : v.stringValue().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s.strip();
    }
}
