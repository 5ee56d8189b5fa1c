package com.toaide.kernel;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A kernel event, parsed once from its JSON form so that applying it
 * never touches JSON again. Parsing never throws: an event whose JSON is wrong becomes an
 * {@link Invalid} that the kernel rejects with its code.
 */
public sealed interface Event {

    /** The {@code t} of the event, e.g. {@code "entity.create"}. */
    String type();

    /**
     * Parses one event from JSON text that is known to be well formed (a log entry's stored text),
     * from its tokens, without a tree; malformed text throws as {@code readTree} would.
     */
    static Event fromJson(String json) {
        try (JsonParser tokens = Json.MAPPER.createParser(json)) {
            tokens.nextToken();
            return EventReader.read(tokens);
        }
    }

    /** Parses one event; never throws. The tree is walked as tokens, the way the replay command reads text. */
    static Event fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            return EventParser.notAnObject();
        }
        try (JsonParser tokens = json.traverse(ObjectReadContext.empty())) {
            tokens.nextToken();
            return EventReader.read(tokens);
        }
    }

    /** An event that is rejected whatever the snapshot, because its JSON is wrong. */
    record Invalid(String type, Code code, String detail) implements Event {}

    record CreateEntity(String id, String parent, String display, Map<String, JsonNode> props) implements Event {
        public String type() {
            return "entity.create";
        }
    }

    record UpdateEntity(String ref, Map<String, JsonNode> props) implements Event {
        public String type() {
            return "entity.update";
        }
    }

    record RemoveEntity(String ref) implements Event {
        public String type() {
            return "entity.remove";
        }
    }

    /** {@code position} is null when not given. */
    record MoveEntity(String ref, String parent, Long position) implements Event {
        public String type() {
            return "entity.move";
        }
    }

    record ReorderChildren(String ref, List<String> children) implements Event {
        public String type() {
            return "entity.reorder";
        }
    }

    /** {@code cardinality} is null when not given. */
    record SetLink(String from, String to, String linkType, Cardinality cardinality) implements Event {
        public String type() {
            return "rel.set";
        }
    }

    /** Null fields match anything; at least one is set. */
    record RemoveLinks(String from, String to, String linkType) implements Event {
        public String type() {
            return "rel.remove";
        }
    }

    record ConstrainLinks(LinkRule rule) implements Event {
        public String type() {
            return "rel.constrain";
        }
    }

    record SetGlobalStyle(Map<String, JsonNode> styles) implements Event {
        public String type() {
            return "style.set";
        }
    }

    record StyleEntity(String ref, Map<String, JsonNode> styles) implements Event {
        public String type() {
            return "style.entity";
        }
    }

    /** {@code values} are written into {@code meta} in order. */
    record SetMeta(String type, Map<String, JsonNode> values) implements Event {}

    /** {@code ts} is the event's own time, or null to take the envelope's. */
    record Annotate(JsonNode note, boolean pinned, String ts) implements Event {
        public String type() {
            return "meta.annotate";
        }
    }

    record ConstrainChildren(ChildLimit limit) implements Event {
        public String type() {
            return "meta.constrain";
        }
    }

    /** {@code voice}, {@code escalate}, {@code clarify}, {@code batch.start}, {@code batch.end}. */
    record Signal(String type, ObjectNode payload) implements Event {}
}
