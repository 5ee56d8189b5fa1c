package com.toaide.ai;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a tool call into the kernel event it stands for (docs/ai.md, "Tool schemas"). Never throws: a
 * call that maps to nothing comes back rejected with a reason, for the orchestrator to log
 * and skip like a rejected event. The kernel checks everything else (ids, parents, types).
 *
 * <ul>
 *   <li>{@code mutate_entity}: {@code entity.<action>}; {@code props} becomes {@code p} (a
 *       JSON string is parsed); a top-level {@code title} is folded into {@code p} unless
 *       {@code props} has one. For create a missing {@code id} is taken from {@code ref},
 *       for the other actions a missing {@code ref} from {@code id}: models mix them up.
 *       Each action's own fields are required ({@link #ENTITY_NEEDS}): a create or move
 *       without {@code parent} would land at the root, an update without props does nothing,
 *       and an update naming a {@code display} would look like a change of display, which is
 *       fixed at creation. Prop values must be plain (no objects).
 *   <li>{@code set_relationship}: {@code rel.<action>}; for {@code constrain} the link
 *       {@code type} becomes the kernel's {@code rel_type}. A {@code remove} needs
 *       {@code from}, {@code to} and {@code type}: the kernel would drop every link matching
 *       fewer fields, which is never what a model that names one link means.
 *   <li>{@code voice}: the {@code voice} signal, its text held to the voice rules
 *       ({@link VoiceRules#enforce}: rewritten, or the call rejected when nothing can be
 *       kept); a text starting with {@code escalate:} becomes the {@code escalate} signal
 *       instead ({@link Escalation}).
 * </ul>
 *
 * <p>Rejections are written for the model (what is missing and what to send instead): they
 * go to the log and to the eval harness's report.
 */
public final class ToolMapping {
    /** What each action needs besides itself, and how to say so to a model that left it out. */
    static final Map<String, Map<String, String>> ENTITY_NEEDS = Map.of(
            "create", Map.of("id", "a new id that says what it is, such as player_mike",
                    "parent", "\"page\" or the id of the block it goes in (\"root\" only for the page itself)"),
            "update", Map.of("ref", "the id of the entity in the page view",
                    "props", "the fields to change"),
            "remove", Map.of("ref", "the id of the entity in the page view"),
            "move", Map.of("ref", "the id of the entity in the page view",
                    "parent", "the id of the new parent (\"page\" for the top of the page)"),
            "reorder", Map.of("ref", "the id of the parent in the page view",
                    "children", "every live child id of the parent, in the new order"));
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
        if (!ENTITY_NEEDS.containsKey(action)) {
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
        String missing = missing(action, event);
        if (missing != null) {
            return MappedCall.rejected("MISSING_FIELD", missing);
        }
        if (action.equals("update") && event.has("display")) {
            return MappedCall.rejected("DISPLAY_FIXED", "update cannot change display: it is fixed at creation. "
                    + "Send the update without display, or remove the entity and create a new one with the new display");
        }
        String unplain = unplainProp(event.get("p"));
        if (unplain != null) {
            return MappedCall.rejected("INVALID_PROPS", "props." + unplain + " holds an object. Prop values are strings, "
                    + "numbers, true/false, null or lists of those: split it into fields such as " + unplain + "_name");
        }
        return MappedCall.event(event);
    }

    /** The first field the action needs that the event lacks, said as a correction; null when complete. */
    private static String missing(String action, ObjectNode event) {
        for (var need : new TreeMap<>(ENTITY_NEEDS.get(action)).entrySet()) {
            String field = need.getKey().equals("props") ? "p" : need.getKey();
            JsonNode value = event.get(field);
            boolean empty = value == null || (value.isString() && value.stringValue().isBlank())
                    || (value.isContainer() && value.isEmpty());
            if (empty) {
                return action + " needs " + need.getKey() + ": " + need.getValue();
            }
        }
        return null;
    }

    /** The key of the first prop whose value is an object (or a list holding one); null when all are plain. */
    private static String unplainProp(JsonNode props) {
        if (props == null || !props.isObject()) {
            return null;
        }
        for (var entry : props.properties()) {
            JsonNode value = entry.getValue();
            if (value.isObject() || (value.isArray() && value.valueStream().anyMatch(JsonNode::isContainer))) {
                return entry.getKey();
            }
        }
        return null;
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
            if (action.equals("remove") && !(event.has("from") && event.has("to") && event.has("type"))) {
                return MappedCall.rejected("MISSING_FIELD", "remove needs from, to and type: exactly the one link to drop");
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
        return VoiceRules.enforce(text.stringValue())
                .map(kept -> MappedCall.event(event.put("t", "voice").put("text", kept)))
                .orElseGet(() -> MappedCall.rejected("VOICE_RULES", "the voice line was dropped: it spoke in the first "
                        + "person or only cheered. State how things stand, e.g. \"Budget: $1,350.\""));
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
