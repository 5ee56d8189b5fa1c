package com.toaide.ai;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a tool call into the kernel event it stands for (ai.md, "Tools"). Never throws: a
 * call that maps to nothing comes back rejected with a reason, for the orchestrator to log
 * and skip like a rejected event. The kernel checks everything else (ids, parents, types).
 *
 * <ul>
 *   <li>{@code mutate_entity}: {@code entity.<action>}; {@code props} becomes {@code p} (a
 *       JSON string is parsed); a top-level {@code title} is folded into {@code p} unless
 *       {@code props} has one. For create a missing {@code id} is taken from {@code ref},
 *       for the other actions a missing {@code ref} from {@code id}: models mix them up.
 *   <li>{@code set_relationship}: {@code rel.<action>}; for {@code constrain} the link
 *       {@code type} becomes the kernel's {@code rel_type}.
 *   <li>{@code voice}: the {@code voice} signal; a text starting with {@code escalate:}
 *       becomes the {@code escalate} signal instead ({@link Escalation}).
 * </ul>
 */
public final class ToolMapping {
    private static final Set<String> ENTITY_ACTIONS = Set.of("create", "update", "remove", "move", "reorder");
    private static final Set<String> LINK_ACTIONS = Set.of("set", "remove", "constrain");

    private ToolMapping() {}

    public static MappedCall map(ToolCall call) {
        if (call.malformed()) {
            return MappedCall.rejected("MALFORMED_INPUT", call.name() + " input is not a JSON object");
        }
        switch (call.name()) {
            case Tools.MUTATE_ENTITY:
                return entityEvent(call.input());
            case Tools.SET_RELATIONSHIP:
                return linkEvent(call.input());
            case Tools.VOICE:
                return voiceEvent(call.input());
            default:
                return MappedCall.rejected("UNKNOWN_TOOL", "no tool named " + call.name());
        }
    }

    private static MappedCall entityEvent(JsonNode input) {
        String action = input.path("action").asString(null);
        if (action == null || action.isEmpty()) {
            return MappedCall.rejected("MISSING_ACTION", "mutate_entity needs an action");
        }
        if (!ENTITY_ACTIONS.contains(action)) {
            return MappedCall.rejected("UNKNOWN_ACTION", "mutate_entity has no action " + action);
        }
        ObjectNode event = ToolInputParser.JSON.createObjectNode().put("t", "entity." + action);
        String idField = action.equals("create") ? "id" : "ref";
        String otherField = action.equals("create") ? "ref" : "id";
        copy(input, event, idField, idField);
        if (!event.has(idField)) {
            copy(input, event, otherField, idField);
        }
        for (String field : new String[] {"parent", "display", "position", "children"}) {
            copy(input, event, field, field);
        }
        JsonNode props = input.get("props");
        if (props != null && props.isString()) {
            props = parseObject(props.stringValue());
            if (props == null) {
                return MappedCall.rejected("INVALID_PROPS", "props is a string that is not a JSON object");
            }
        }
        if (props != null && !props.isNull()) {
            event.set("p", props.deepCopy());
        }
        JsonNode title = input.get("title");
        if (title != null && !title.isNull()) {
            JsonNode p = event.get("p");
            if (p == null) {
                event.putObject("p").set("title", title);
            } else if (p.isObject() && !p.has("title")) {
                ((ObjectNode) p).set("title", title);
            }
        }
        return MappedCall.event(event);
    }

    private static MappedCall linkEvent(JsonNode input) {
        String action = input.path("action").asString(null);
        if (action == null || action.isEmpty()) {
            return MappedCall.rejected("MISSING_ACTION", "set_relationship needs an action");
        }
        if (!LINK_ACTIONS.contains(action)) {
            return MappedCall.rejected("UNKNOWN_ACTION", "set_relationship has no action " + action);
        }
        ObjectNode event = ToolInputParser.JSON.createObjectNode().put("t", "rel." + action);
        if (action.equals("constrain")) {
            for (String field : new String[] {"id", "rule", "entities", "value", "strict", "message"}) {
                copy(input, event, field, field);
            }
            copy(input, event, "type", "rel_type");
        } else {
            for (String field : new String[] {"from", "to", "type", "cardinality"}) {
                copy(input, event, field, field);
            }
        }
        return MappedCall.event(event);
    }

    private static MappedCall voiceEvent(JsonNode input) {
        JsonNode text = input.get("text");
        if (text == null || !text.isString() || text.stringValue().isBlank()) {
            return MappedCall.rejected("MISSING_TEXT", "voice needs a text");
        }
        ObjectNode event = ToolInputParser.JSON.createObjectNode();
        if (Escalation.isEscalation(text.stringValue())) {
            return MappedCall.event(event.put("t", "escalate").put("tier", "deep")
                    .put("reason", Escalation.reason(text.stringValue())));
        }
        return MappedCall.event(event.put("t", "voice").put("text", text.stringValue()));
    }

    private static void copy(JsonNode from, ObjectNode to, String field, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value.deepCopy());
        }
    }

    private static JsonNode parseObject(String json) {
        try {
            JsonNode parsed = ToolInputParser.JSON.readTree(json);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
