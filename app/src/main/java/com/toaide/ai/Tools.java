package com.toaide.ai;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The three tools (docs/ai.md, "Tool schemas"), with the names and fields of recorded turns. The model's only
 * way to act: every answer is a series of these calls ({@link ToolMapping} turns them into
 * kernel events and rejects the ones that miss what their action needs).
 *
 * <p>The schemas say per action what is needed, type prop values, and keep {@code display}
 * to create: schemas are guidance for the model, not a check, so {@link ToolMapping} enforces
 * the same rules. Only the fast tier's {@code voice} mentions escalation: the deep tier must
 * never hand a turn over.
 */
public final class Tools {
    private Tools() {}

    public static final String MUTATE_ENTITY = "mutate_entity";
    public static final String SET_RELATIONSHIP = "set_relationship";
    public static final String VOICE = "voice";

    public static final ToolDefinition MUTATE = new ToolDefinition(MUTATE_ENTITY,
            "Create, update, remove, move or reorder one entity of the page tree. "
                    + "create needs id and parent (display and props as needed); update needs ref and props; "
                    + "remove needs ref; move needs ref and parent; reorder needs ref and children.",
            schema("""
                    {"type": "object",
                     "properties": {
                       "action": {"type": "string", "enum": ["create", "update", "remove", "move", "reorder"]},
                       "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,63}$",
                         "description": "create only: the new entity's id, not yet in the page view."},
                       "ref": {"type": "string",
                         "description": "update, remove, move, reorder: the id of an entity in the page view."},
                       "parent": {"type": "string",
                         "description": "create and move: \\"page\\" or the id of the block it goes in; \\"root\\" only for the page itself."},
                       "display": {"type": "string",
                         "enum": ["page", "section", "card", "list", "table", "checklist", "grid", "metric", "text", "image"],
                         "description": "create only, and fixed from then on. Rows and items may leave it out."},
                       "props": {"type": "object",
                         "additionalProperties": {"type": ["string", "number", "boolean", "null", "array"],
                           "items": {"type": ["string", "number", "boolean", "null"]}},
                         "description": "create and update: field values, plain only (no objects). update merges them; null clears a field."},
                       "position": {"type": "integer", "minimum": 0, "description": "move: index among the new parent's children."},
                       "children": {"type": "array", "items": {"type": "string"},
                         "description": "reorder: every live child id of ref, as in the page view, in the new order."}
                     },
                     "required": ["action"]}
                    """));

    public static final ToolDefinition RELATE = new ToolDefinition(SET_RELATIONSHIP,
            "Link two entities (set), drop one link (remove), or add a rule over links (constrain). "
                    + "set needs from, to, type and cardinality; remove needs from, to and type; "
                    + "constrain needs id, rule, type and entities or value.",
            schema("""
                    {"type": "object",
                     "properties": {
                       "action": {"type": "string", "enum": ["set", "remove", "constrain"]},
                       "from": {"type": "string", "description": "The entity that needs someone or something, e.g. a game."},
                       "to": {"type": "string", "description": "The entity that fills it, e.g. the player hosting."},
                       "type": {"type": "string", "description": "The kind of link in the passive, e.g. hosted_by, brought_by."},
                       "cardinality": {"type": "string", "enum": ["one_to_one", "many_to_one", "many_to_many"],
                         "description": "set: always give it. many_to_one when each from has one to; the first link of a type fixes it."},
                       "id": {"type": "string", "description": "constrain: the rule's id."},
                       "rule": {"type": "string", "enum": ["exclude_pair", "require_pair", "max_links", "min_links"]},
                       "entities": {"type": "array", "items": {"type": "string"}},
                       "value": {"type": "integer"},
                       "strict": {"type": "boolean"}
                     },
                     "required": ["action"]}
                    """));

    private static final String VOICE_SCHEMA = """
            {"type": "object",
             "properties": {"text": {"type": "string", "maxLength": 100}},
             "required": ["text"]}
            """;

    /** The deep tier's voice: nothing about handing the turn over. */
    public static final ToolDefinition SPEAK = new ToolDefinition(VOICE,
            "One short line shown in the chat that states how things stand after the changes, e.g. \"Budget: $1,350.\". "
                    + "Exactly one, last.",
            schema(VOICE_SCHEMA));

    /** The fast tier's voice, which also carries the escalation convention ({@link Escalation}). */
    public static final ToolDefinition SPEAK_OR_ESCALATE = new ToolDefinition(VOICE,
            SPEAK.description() + " To hand the turn to the deeper model instead, send only a voice whose text starts with \""
                    + Escalation.PREFIX + "\" followed by the reason, and no other call.",
            schema(VOICE_SCHEMA));

    /** The tools a tier is offered, in order. */
    public static List<ToolDefinition> forTier(Tier tier) {
        return tier == Tier.FAST ? List.of(MUTATE, RELATE, SPEAK_OR_ESCALATE) : List.of(MUTATE, RELATE, SPEAK);
    }

    private static JsonNode schema(String json) {
        return ToolInputParser.JSON.readTree(json);
    }
}
