package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the fields of one event, as {@link EventReader} read them, into an {@link Event}.
 * Everything that can be judged without the snapshot is judged here (missing and mistyped fields, ids, prop values), so
 * the kernel only checks what depends on state.
 */
final class EventParser {
    private static final List<String> META_KEYS =
            List.of("title", "identity", "row_label", "col_label", "row_labels", "col_labels");

    private EventParser() {}

    /** What an array element that is not a JSON object is. */
    static Event notAnObject() {
        return new Event.Invalid(null, Code.INVALID_FIELD, "an event must be a JSON object");
    }

    /**
     * Judges one event's fields.
     *
     * @param mayHoldNul whether some name or string in the event held U+0000 (before repeated
     *     names were resolved); when not, nothing needs looking for one
     */
    static Event parse(EventFields json, boolean mayHoldNul) {
        JsonNode t = json.get("t");
        if (t == null || t.isNull() || (t.isString() && t.stringValue().isEmpty())) {
            return new Event.Invalid(null, Code.MISSING_TYPE, "the event has no t");
        }
        if (!t.isString()) {
            return new Event.Invalid(null, Code.INVALID_FIELD, "t must be a string");
        }
        String type = t.stringValue();
        try {
            if (mayHoldNul) {
                refuseNul(json);
            }
            return parse(type, json);
        } catch (Rejection rejection) {
            return new Event.Invalid(type, rejection.code, rejection.getMessage());
        }
    }

    private static Event parse(String type, EventFields json) {
        switch (type) {
            case "entity.create":
                return createEntity(json);
            case "entity.update":
                return new Event.UpdateEntity(required(json, "ref", Code.MISSING_REF), props(json, "p"));
            case "entity.remove":
                return new Event.RemoveEntity(required(json, "ref", Code.MISSING_REF));
            case "entity.move":
                return new Event.MoveEntity(
                        required(json, "ref", Code.MISSING_REF), optional(json, "parent", Snapshot.ROOT),
                        position(json));
            case "entity.reorder":
                return new Event.ReorderChildren(required(json, "ref", Code.MISSING_REF), children(json));
            case "rel.set":
                return setLink(json);
            case "rel.remove":
                return removeLinks(json);
            case "rel.constrain":
                return new Event.ConstrainLinks(linkRule(json));
            case "style.set":
                return new Event.SetGlobalStyle(props(json, "p"));
            case "style.entity":
                return new Event.StyleEntity(required(json, "ref", Code.MISSING_REF), props(json, "p"));
            case "meta.set":
            case "meta.update":
                return new Event.SetMeta(type, metaValues(json));
            case "meta.annotate":
                return annotate(json);
            case "meta.constrain":
                return new Event.ConstrainChildren(childLimit(json));
            case "voice":
                return signal(type, json, "text");
            case "escalate":
                return signal(type, json, "tier", "reason", "extract");
            case "clarify":
                return clarify(json);
            case "batch.start":
            case "batch.end":
                return signal(type, json);
            default:
                return new Event.Invalid(type, Code.UNKNOWN_PRIMITIVE, "no event type " + type);
        }
    }

    private static Event createEntity(EventFields json) {
        String id = required(json, "id", Code.MISSING_ID);
        if (!isId(id)) {
            throw new Rejection(Code.INVALID_ID, "id " + quote(id) + " must match ^[a-z][a-z0-9_]{0,63}$");
        }
        return new Event.CreateEntity(
                id, optional(json, "parent", Snapshot.ROOT), name(optional(json, "display", null), "display"), props(json, "p"));
    }

    private static Event setLink(EventFields json) {
        String from = required(json, "from", Code.MISSING_FROM);
        String to = required(json, "to", Code.MISSING_TO);
        String linkType = name(required(json, "type", Code.MISSING_TYPE), "type");
        String name = optional(json, "cardinality", null);
        Cardinality cardinality = name == null ? null : Cardinality.named(name);
        if (name != null && cardinality == null) {
            throw new Rejection(Code.INVALID_FIELD,
                    "cardinality " + quote(name) + " is not many_to_one, one_to_one or many_to_many");
        }
        return new Event.SetLink(from, to, linkType, cardinality);
    }

    private static Event removeLinks(EventFields json) {
        String from = emptyAsNull(optional(json, "from", null));
        String to = emptyAsNull(optional(json, "to", null));
        String linkType = emptyAsNull(optional(json, "type", null));
        if (from == null && to == null && linkType == null) {
            throw new Rejection(Code.MISSING_SELECTOR, "rel.remove needs at least one of from, to, type");
        }
        return new Event.RemoveLinks(from, to, linkType);
    }

    private static LinkRule linkRule(EventFields json) {
        String id = name(required(json, "id", Code.MISSING_ID), "id");
        String rule = optional(json, "rule", null);
        // List.of(...).contains(null) throws, and parsing must not.
        if (rule == null || !LinkRule.RULES.contains(rule)) {
            throw new Rejection(Code.INVALID_FIELD, "rule must be one of " + LinkRule.RULES);
        }
        List<String> entities = strings(json, "entities", false);
        if (entities.size() > Limits.MAX_LIST_ITEMS) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "entities has more than " + Limits.MAX_LIST_ITEMS + " items");
        }
        JsonNode value = integerOrNull(json, "value");
        boolean pairRule = rule.equals(LinkRule.EXCLUDE_PAIR) || rule.equals(LinkRule.REQUIRE_PAIR);
        if (pairRule && entities.size() != 2) {
            throw new Rejection(Code.INVALID_FIELD, rule + " needs exactly two entities");
        }
        if (!pairRule && value == null) {
            throw new Rejection(Code.INVALID_FIELD, rule + " needs an integer value");
        }
        return new LinkRule(id, rule, entities, name(emptyAsNull(optional(json, "rel_type", null)), "rel_type"), value,
                message(json), bool(json.get("strict"), "strict"));
    }

    private static ChildLimit childLimit(EventFields json) {
        String id = name(required(json, "id", Code.MISSING_ID), "id");
        String rule = optional(json, "rule", null);
        if (!ChildLimit.MAX_CHILDREN.equals(rule)) {
            throw new Rejection(Code.INVALID_FIELD, "rule must be max_children");
        }
        String parent = optional(json, "parent", null);
        if (parent == null) {
            throw new Rejection(Code.INVALID_FIELD, "max_children needs a parent");
        }
        JsonNode value = integerOrNull(json, "value");
        if (value == null) {
            throw new Rejection(Code.INVALID_FIELD, "max_children needs an integer value");
        }
        return new ChildLimit(id, rule, parent, value, message(json), bool(json.get("strict"), "strict"));
    }

    private static Event annotate(EventFields json) {
        JsonNode p = object(json, "p");
        JsonNode note = p.get("note");
        if (note != null && !note.isNull() && !note.isString()) {
            throw new Rejection(Code.INVALID_FIELD, "p.note must be a string");
        }
        if (note != null && note.isString() && note.stringValue().length() > Limits.MAX_STRING_LENGTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "p.note is longer than " + Limits.MAX_STRING_LENGTH);
        }
        return new Event.Annotate(note == null ? SnapshotJson.NULL : note, bool(p.get("pinned"), "pinned"),
                name(optional(json, "ts", null), "ts"));
    }

    private static Map<String, JsonNode> metaValues(EventFields json) {
        LinkedHashMap<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object(json, "p").properties()) {
            values.put(field.getKey(), field.getValue());
        }
        for (String key : META_KEYS) {
            JsonNode value = json.get(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.equals("annotations") || key.equals("constraints")) {
                throw new Rejection(Code.INVALID_FIELD,
                        "meta." + key + " is written only by meta.annotate and meta.constrain");
            }
            checkKey(key);
            new MetaSize(key).count(entry.getValue(), 0);
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Counts one meta value against {@link Limits#MAX_META_VALUES}, {@link Limits#MAX_STRING_LENGTH}
     * and {@link Limits#MAX_DEPTH}. Meta goes into every AI prompt and the aide's title, so any
     * JSON is allowed but all of it counts.
     */
    private static final class MetaSize {
        private final String key;
        private int values;
        private int characters;

        MetaSize(String key) {
            this.key = key;
        }

        void count(JsonNode value, int depth) {
            if (depth > Limits.MAX_DEPTH) {
                throw new Rejection(Code.LIMIT_EXCEEDED, "meta." + key + " nests deeper than " + Limits.MAX_DEPTH);
            }
            if (++values > Limits.MAX_META_VALUES) {
                throw new Rejection(Code.LIMIT_EXCEEDED, "meta." + key + " holds more than " + Limits.MAX_META_VALUES + " values");
            }
            if (value.isString()) {
                text(value.stringValue());
            } else if (value.isObject()) {
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    text(field.getKey());
                    count(field.getValue(), depth + 1);
                }
            } else if (value.isArray()) {
                for (JsonNode item : value) {
                    count(item, depth + 1);
                }
            }
        }

        private void text(String text) {
            characters += text.length();
            if (characters > Limits.MAX_STRING_LENGTH) {
                throw new Rejection(Code.LIMIT_EXCEEDED, "meta." + key + " holds more than " + Limits.MAX_STRING_LENGTH + " characters");
            }
        }
    }

    private static Event clarify(EventFields json) {
        ObjectNode payload = payload("clarify", json, "text");
        JsonNode options = json.get("options");
        payload.set("options", options == null || options.isNull()
                ? SnapshotJson.NODES.arrayNode() : options);
        return new Event.Signal("clarify", payload);
    }

    private static Event signal(String type, EventFields json, String... fields) {
        return new Event.Signal(type, payload(type, json, fields));
    }

    private static ObjectNode payload(String type, EventFields json, String... fields) {
        ObjectNode payload = SnapshotJson.NODES.objectNode();
        payload.put("type", type);
        for (String field : fields) {
            JsonNode value = json.get(field);
            payload.set(field, value == null ? SnapshotJson.NULL : value);
        }
        return payload;
    }

    // Field readers. A field that is absent or null counts as not given.

    private static String required(EventFields json, String field, Code whenMissing) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
            throw new Rejection(whenMissing, "the event has no " + field);
        }
        if (!value.isString()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be a string, not " + value);
        }
        return value.stringValue();
    }

    private static String optional(EventFields json, String field, String fallback) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be a string, not " + value);
        }
        return value.stringValue();
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean bool(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static JsonNode object(EventFields json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return SnapshotJson.NODES.objectNode();
        }
        if (!value.isObject()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be an object, not " + value);
        }
        return value;
    }

    private static JsonNode message(EventFields json) {
        String message = optional(json, "message", null);
        if (message != null && message.length() > Limits.MAX_STRING_LENGTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "message is longer than " + Limits.MAX_STRING_LENGTH + " characters");
        }
        return message == null ? SnapshotJson.NULL : SnapshotJson.NODES.stringNode(message);
    }

    private static JsonNode integerOrNull(EventFields json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
        return value;
    }

    /** A name the snapshot stores (a type, a display, a constraint id): null stays null. */
    private static String name(String value, String field) {
        if (value != null && value.length() > Limits.MAX_NAME_LENGTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED, field + " is longer than " + Limits.MAX_NAME_LENGTH + " characters");
        }
        return value;
    }

    /**
     * Postgres cannot store U+0000 in text or jsonb, so an event carrying it anywhere (a value, a
     * key, a type) is refused here rather than failing when the log row is written.
     */
    private static void refuseNul(EventFields json) {
        for (int i = 0; i < json.size(); i++) {
            refuseNul(json.name(i));
            refuseNul(json.value(i));
        }
    }

    private static void refuseNul(JsonNode json) {
        if (json.isString()) {
            refuseNul(json.stringValue());
        } else if (json.isObject()) {
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                refuseNul(field.getKey());
                refuseNul(field.getValue());
            }
        } else if (json.isArray()) {
            for (JsonNode item : json) {
                refuseNul(item);
            }
        }
    }

    private static void refuseNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new Rejection(Code.INVALID_FIELD, "text must not contain the NUL character (U+0000)");
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new Rejection(Code.INVALID_FIELD, "a prop key must not be empty");
        }
        if (key.length() > Limits.MAX_PROP_KEY_LENGTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED,
                    "prop key " + quote(key.substring(0, 20)) + "... is longer than " + Limits.MAX_PROP_KEY_LENGTH);
        }
    }

    private static Long position(EventFields json) {
        JsonNode value = json.get("position");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw new Rejection(Code.INVALID_FIELD, "position must be an integer, not " + value);
        }
        // Out-of-range positions append, so a huge number may saturate.
        return value.canConvertToLong() ? value.asLong() : Long.MAX_VALUE;
    }

    private static List<String> children(EventFields json) {
        return strings(json, "children", true);
    }

    private static List<String> strings(EventFields json, String field, boolean required) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Rejection(Code.INVALID_FIELD, field + " must be a list of ids");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new Rejection(Code.INVALID_FIELD, field + " must be a list of ids, not " + value);
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new Rejection(Code.INVALID_FIELD, field + " must hold only strings, not " + item);
            }
            out.add(item.stringValue());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A map of prop (or style) values, each checked against {@link Limits}: the map the field's
     * object was read into, checked in place rather than copied.
     */
    private static Map<String, JsonNode> props(EventFields json, String field) {
        JsonNode p = object(json, field);
        if (p.isEmpty()) {
            return Map.of();
        }
        if (p.size() > Limits.MAX_PROPS_PER_ENTITY) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "more than " + Limits.MAX_PROPS_PER_ENTITY + " props");
        }
        Map<String, JsonNode> props = json.object(field);
        for (Map.Entry<String, JsonNode> entry : props.entrySet()) {
            String key = entry.getKey();
            checkKey(key);
            checkPropValue(key, entry.getValue());
        }
        return Collections.unmodifiableMap(props);
    }

    /** A value read for this event alone (never shared), so a list is kept as read, not copied. */
    private static void checkPropValue(String key, JsonNode value) {
        if (value.isArray()) {
            if (value.size() > Limits.MAX_LIST_ITEMS) {
                throw new Rejection(Code.LIMIT_EXCEEDED,
                        "prop " + key + " has more than " + Limits.MAX_LIST_ITEMS + " items");
            }
            for (JsonNode item : value) {
                scalar(key, item);
            }
            return;
        }
        scalar(key, value);
    }

    private static void scalar(String key, JsonNode value) {
        if (value.isString()) {
            if (value.stringValue().length() > Limits.MAX_STRING_LENGTH) {
                throw new Rejection(Code.LIMIT_EXCEEDED,
                        "prop " + key + " is longer than " + Limits.MAX_STRING_LENGTH + " characters");
            }
            return;
        }
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            return;
        }
        throw new Rejection(Code.INVALID_FIELD,
                "prop " + key + " must be a string, number, boolean, null or a list of those, not " + value);
    }

    /** Whether {@code id} matches {@code ^[a-z][a-z0-9_]{0,63}$}; by hand, as a regex matcher per create showed in profiles. */
    static boolean isId(String id) {
        int length = id.length();
        if (length == 0 || length > 64 || id.charAt(0) < 'a' || id.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
