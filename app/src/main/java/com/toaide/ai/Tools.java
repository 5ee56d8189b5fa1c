package com.toaide.ai;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The three tools of ai.md, with the names and fields of recorded turns. The model's only
 * way to act: every answer is a series of these calls ({@link ToolMapping} turns them into
 * kernel events).
 */
public final class Tools {
    private Tools() {}

    public static final String MUTATE_ENTITY = "mutate_entity";
    public static final String SET_RELATIONSHIP = "set_relationship";
    public static final String VOICE = "voice";

    public static final ToolDefinition MUTATE = new ToolDefinition(MUTATE_ENTITY,
            "Create, update, remove, move or reorder one entity of the page tree. Ids match ^[a-z][a-z0-9_]{0,63}$. "
                    + "create needs id, parent and display; update, remove, move and reorder name the entity in ref.",
            schema("""
                    {"type": "object",
                     "properties": {
                       "action": {"type": "string", "enum": ["create", "update", "remove", "move", "reorder"]},
                       "id": {"type": "string", "description": "The new entity's id (create)."},
                       "ref": {"type": "string", "description": "The existing entity's id (update, remove, move, reorder)."},
                       "parent": {"type": "string", "description": "\\"root\\" or the parent entity's id (create, move)."},
                       "display": {"type": "string",
                         "enum": ["page", "section", "card", "list", "table", "checklist", "grid", "metric", "text", "image"]},
                       "props": {"type": "object",
                         "description": "Field values: strings, numbers, booleans, null, or lists of those. Update merges them."},
                       "position": {"type": "integer", "description": "Index among the new parent's children (move)."},
                       "children": {"type": "array", "items": {"type": "string"},
                         "description": "Every child id in the new order (reorder)."}
                     },
                     "required": ["action"]}
                    """));

    public static final ToolDefinition RELATE = new ToolDefinition(SET_RELATIONSHIP,
            "Link two entities (set), unlink them (remove), or add a rule over links (constrain).",
            schema("""
                    {"type": "object",
                     "properties": {
                       "action": {"type": "string", "enum": ["set", "remove", "constrain"]},
                       "from": {"type": "string"},
                       "to": {"type": "string"},
                       "type": {"type": "string", "description": "The kind of link, e.g. assigned_to, seated_at."},
                       "cardinality": {"type": "string", "enum": ["one_to_one", "many_to_one", "many_to_many"]},
                       "id": {"type": "string", "description": "The rule's id (constrain)."},
                       "rule": {"type": "string", "enum": ["exclude_pair", "require_pair", "max_links", "min_links"]},
                       "entities": {"type": "array", "items": {"type": "string"}},
                       "value": {"type": "integer"},
                       "strict": {"type": "boolean"}
                     },
                     "required": ["action"]}
                    """));

    public static final ToolDefinition SPEAK = new ToolDefinition(VOICE,
            "One short line shown in the chat that reflects the state after the changes, e.g. \"Budget: $1,350.\". "
                    + "To hand the turn to the deeper model instead, send only a voice whose text starts with \""
                    + Escalation.PREFIX + "\" followed by the reason, and no other call.",
            schema("""
                    {"type": "object",
                     "properties": {"text": {"type": "string"}},
                     "required": ["text"]}
                    """));

    /** Every tool, in the order they are offered (the last one carries the cache mark). */
    public static final List<ToolDefinition> ALL = List.of(MUTATE, RELATE, SPEAK);

    private static JsonNode schema(String json) {
        return ToolInputParser.JSON.readTree(json);
    }
}
