package com.toaide.kernel;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code rel.constrain} rule, stored in {@code rel_constraints[id]}. What each rule means
 * is decided in {@link LinkRuleCheck}; this record is only its stored form.
 */
record LinkRule(
        String id, String rule, List<String> entities, String relType, JsonNode value, JsonNode message,
        boolean strict) {
    static final String EXCLUDE_PAIR = "exclude_pair";
    static final String REQUIRE_PAIR = "require_pair";
    static final String MAX_LINKS = "max_links";
    static final String MIN_LINKS = "min_links";
    static final List<String> RULES = List.of(EXCLUDE_PAIR, REQUIRE_PAIR, MAX_LINKS, MIN_LINKS);

    /** Whether a change to links of {@code type} can affect this rule. */
    boolean watches(String type) {
        return relType == null || relType.equals(type);
    }

    String describe(String detail) {
        if (message != null && message.isString()) {
            return message.stringValue();
        }
        return "constraint " + id + " (" + rule + "): " + detail;
    }

    ObjectNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("id", id);
        json.put("rule", rule);
        ArrayNode ids = json.putArray("entities");
        entities.forEach(ids::add);
        json.put("rel_type", relType);
        json.set("value", value == null ? nodes.nullNode() : value);
        json.set("message", message == null ? nodes.nullNode() : message);
        json.put("strict", strict);
        return json;
    }

    static LinkRule fromJson(String key, JsonNode json) {
        return new LinkRule(
                JsonRead.string(json.get("id"), key),
                JsonRead.string(json.get("rule"), null),
                JsonRead.strings(json.get("entities")),
                JsonRead.string(json.get("rel_type"), null),
                JsonRead.scalarOrNull(json.get("value")),
                JsonRead.scalarOrNull(json.get("message")),
                JsonRead.bool(json.get("strict"), false));
    }
}
