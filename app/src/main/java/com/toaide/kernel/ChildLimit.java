package com.toaide.kernel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code meta.constrain} rule, stored in {@code meta.constraints[id]}. Only
 * {@code max_children} exists: at most {@code value} live children under {@code parent}.
 */
record ChildLimit(String id, String rule, String parent, JsonNode value, JsonNode message, boolean strict) {
    static final String MAX_CHILDREN = "max_children";

    /** True when this rule limits the children of {@code parentId}. */
    boolean limits(String parentId) {
        return MAX_CHILDREN.equals(rule) && parentId.equals(parent) && value != null && value.isNumber();
    }

    boolean allows(int liveChildren) {
        return liveChildren <= value.asDouble();
    }

    String describe() {
        if (message != null && message.isString()) {
            return message.stringValue();
        }
        return "constraint " + id + ": at most " + value + " children under " + parent;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("rule", rule);
        json.put("parent", parent);
        json.set("value", value == null ? JsonNodeFactory.instance.nullNode() : value);
        json.set("message", message == null ? JsonNodeFactory.instance.nullNode() : message);
        json.put("strict", strict);
        return json;
    }

    static ChildLimit fromJson(String key, JsonNode json) {
        return new ChildLimit(
                JsonRead.string(json.get("id"), key),
                JsonRead.string(json.get("rule"), null),
                JsonRead.string(json.get("parent"), null),
                JsonRead.scalarOrNull(json.get("value")),
                JsonRead.scalarOrNull(json.get("message")),
                JsonRead.bool(json.get("strict"), false));
    }
}
