package com.toaide.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a snapshot written as {@link SnapshotText} writes it straight from its tokens, the
 * entities without a tree: the render command reads thousands of 10 KB snapshots, and building a
 * tree for each and then the {@link Snapshot} from it cost two to three times the rendering.
 *
 * <p>Only the shape the kernel writes is read here: each part of the snapshot and each field of an
 * entity at most once, entities under their own id. Anything else (a repeated key, where the tree
 * keeps the last value; an entity that is not an object; an unknown part) gives null, and the
 * caller reads the text into a tree and {@link Snapshot#fromJson} as before, so a snapshot read
 * either way is the same. The small parts (meta, relationships, rules, styles) are read as trees
 * and judged by {@link SnapshotJson}'s own rules.
 */
public final class SnapshotReader {
    static final int META = 1;
    static final int ENTITIES = 1 << 1;
    static final int RELATIONSHIPS = 1 << 2;
    static final int CARDINALITIES = 1 << 3;
    static final int RULES = 1 << 4;
    static final int STYLES = 1 << 5;
    static final int SEQUENCE = 1 << 6;

    private final JsonParser parser;
    private final TokenTree values;
    private final Snapshot snapshot = new Snapshot();
    private final SmallParts small = new SmallParts();

    private SnapshotReader(JsonParser parser) {
        this.parser = parser;
        this.values = new TokenTree(parser);
    }

    /**
     * Reads the snapshot object at the parser's current token ({@code START_OBJECT}), leaving the
     * parser on its end; null when it is not in the kernel's shape (the parser is then left
     * anywhere). {@link #snapshot()} gives the snapshot: a caller reads the rest of its text first,
     * so that text that is not JSON is reported as that, as the tree reader reports it, and not as
     * a snapshot's odd part.
     *
     * @throws tools.jackson.core.JacksonException when the text is not JSON
     */
    public static SnapshotReader read(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        SnapshotReader reader = new SnapshotReader(parser);
        return reader.parts() ? reader : null;
    }

    /**
     * The snapshot read, its meta and the parts after the entities judged now, in the order
     * {@link Snapshot#fromJson} judges them (both throw the same exceptions for the same text).
     */
    public Snapshot snapshot() {
        return small.judgedInto(snapshot);
    }

    private boolean parts() {
        for (String name = values.nextName(); name != null; name = values.nextName()) {
            int part = small.first(name);
            if (part == 0) {
                return false;
            }
            if (part == ENTITIES) {
                if (!entities()) {
                    return false;
                }
            } else {
                small.set(part, values.value());
            }
        }
        return true;
    }

    /** The names an object has shown so far, a bit each: each may come once. */
    private abstract static class TakenOnce {
        private int seen;

        /** {@code bit} the first time it comes; 0 when it came before, or for 0 (an unknown name). */
        final int once(int bit) {
            if ((seen & bit) != 0) {
                return 0;
            }
            seen |= bit;
            return bit;
        }
    }

    /**
     * The parts of a snapshot other than its entities, kept as read and judged after the whole
     * text has been read; {@link SnapshotBytes} reads them the same way.
     */
    static final class SmallParts extends TakenOnce {
        private JsonNode meta;
        private JsonNode relationships;
        private JsonNode cardinalities;
        private JsonNode rules;
        private JsonNode styles;
        private JsonNode sequence;

        /** The part {@code name} is, the first time it comes; 0 for a repeated or unknown part. */
        int first(String name) {
            return once(part(name));
        }

        /** One of the parts other than the entities. */
        void set(int part, JsonNode value) {
            switch (part) {
                case META -> meta = value;
                case RELATIONSHIPS -> relationships = value;
                case CARDINALITIES -> cardinalities = value;
                case RULES -> rules = value;
                case STYLES -> styles = value;
                default -> sequence = value;
            }
        }

        /** {@code snapshot} with these parts judged into it, in the order {@link Snapshot#fromJson} judges them. */
        Snapshot judgedInto(Snapshot snapshot) {
            SnapshotJson.readMeta(meta, snapshot);
            SnapshotJson.readRest(cardinalities, relationships, rules, styles, sequence, snapshot);
            return snapshot;
        }
    }

    /** The part of a snapshot {@code name} is, a bit of its own; 0 for none. */
    private static int part(String name) {
        return switch (name) {
            case "meta" -> META;
            case "entities" -> ENTITIES;
            case "relationships" -> RELATIONSHIPS;
            case "rel_cardinalities" -> CARDINALITIES;
            case "rel_constraints" -> RULES;
            case "styles" -> STYLES;
            case "_sequence" -> SEQUENCE;
            default -> 0;
        };
    }

    /** The entities object, each entity under its own id and only once; false when it is not so. */
    private boolean entities() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        for (String key = values.nextName(); key != null; key = values.nextName()) {
            if (parser.currentToken() != JsonToken.START_OBJECT || snapshot.entities.containsKey(key)) {
                return false;
            }
            Entity entity = entity(key);
            if (entity == null) {
                return false;
            }
            snapshot.entities.put(key, entity);
        }
        return true;
    }

    static final int ID = 1;
    static final int PARENT = 1 << 1;
    static final int DISPLAY = 1 << 2;
    static final int PROPS = 1 << 3;
    static final int REMOVED = 1 << 4;
    static final int CHILDREN = 1 << 5;
    static final int CREATED_SEQ = 1 << 6;
    static final int UPDATED_SEQ = 1 << 7;
    static final int REMOVED_SEQ = 1 << 8;
    static final int STYLES_OF = 1 << 9;

    /**
     * One entity, its fields judged as {@code SnapshotJson.readEntity} judges them; null when a field
     * is repeated or unknown, or the id is not {@code key}. Props and styles go straight into the
     * entity's maps (a map's {@code put} keeps a repeated key's first place and last value, as a
     * tree does).
     */
    private Entity entity(String key) {
        Entity entity = new Entity(key);
        EntityFields fields = new EntityFields();
        for (String name = values.nextName(); name != null; name = values.nextName()) {
            int field = fields.first(name);
            switch (field) {
                case 0 -> {
                    return null;
                }
                case ID -> {
                    // A missing id is the key, as in the tree; any other is read the tree's way.
                    if (parser.currentToken() != JsonToken.VALUE_STRING || !key.equals(parser.getString())) {
                        return null;
                    }
                }
                case PROPS -> {
                    if (!into(entity.props)) {
                        return null;
                    }
                }
                case CHILDREN -> {
                    if (!children(entity.children)) {
                        return null;
                    }
                }
                case STYLES_OF -> {
                    entity.styles = new LinkedHashMap<>();
                    if (!into(entity.styles)) {
                        return null;
                    }
                }
                default -> fields.set(field, values.value());
            }
        }
        return fields.into(entity);
    }

    /**
     * An entity's single-valued fields as read, judged as {@code SnapshotJson.readEntity} judges
     * them once the entity is read; {@link SnapshotBytes} reads them the same way.
     */
    static final class EntityFields extends TakenOnce {
        private JsonNode parent;
        private JsonNode display;
        private JsonNode removed;
        private JsonNode createdSeq;
        private JsonNode updatedSeq;
        private JsonNode removedSeq;

        /** The field {@code name} is, the first time it comes; 0 for a repeated or unknown field. */
        int first(String name) {
            return once(field(name));
        }

        /** One of the single-valued fields. */
        void set(int field, JsonNode value) {
            switch (field) {
                case PARENT -> parent = value;
                case DISPLAY -> display = value;
                case REMOVED -> removed = value;
                case CREATED_SEQ -> createdSeq = value;
                case UPDATED_SEQ -> updatedSeq = value;
                default -> removedSeq = value;
            }
        }

        Entity into(Entity entity) {
            entity.parent = JsonRead.string(parent, Snapshot.ROOT);
            entity.display = JsonRead.string(display, null);
            entity.removed = JsonRead.bool(removed, false);
            entity.createdSeq = JsonRead.integer(createdSeq, 0);
            entity.updatedSeq = JsonRead.integer(updatedSeq, entity.createdSeq);
            entity.removedSeq = JsonRead.integer(removedSeq, -1);
            return entity;
        }
    }

    /** The field of an entity {@code name} is, a bit of its own; 0 for none. */
    private static int field(String name) {
        return switch (name) {
            case "id" -> ID;
            case "parent" -> PARENT;
            case "display" -> DISPLAY;
            case "props" -> PROPS;
            case "_removed" -> REMOVED;
            case "_children" -> CHILDREN;
            case "_created_seq" -> CREATED_SEQ;
            case "_updated_seq" -> UPDATED_SEQ;
            case "_removed_seq" -> REMOVED_SEQ;
            case "_styles" -> STYLES_OF;
            default -> 0;
        };
    }

    /** The object at the current token into {@code map}; false when it is not an object. */
    private boolean into(LinkedHashMap<String, JsonNode> map) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        for (String name = values.nextName(); name != null; name = values.nextName()) {
            map.put(name, values.value());
        }
        return true;
    }

    /** The strings of the array at the current token, as {@link JsonRead#strings} takes them; false when it is not an array. */
    private boolean children(List<String> children) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return false;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                children.add(parser.getString());
            } else {
                values.value(); // read through, as the tree reader would
            }
        }
        return true;
    }
}
