package com.toaide.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of a {@link Snapshot}, written exactly and read leniently. */
final class SnapshotJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final JsonNode NULL = NODES.nullNode();

    private SnapshotJson() {}

    static ObjectNode write(Snapshot snapshot) {
        ObjectNode json = NODES.objectNode();
        json.set("meta", meta(snapshot));
        ObjectNode entities = json.putObject("entities");
        for (Entity entity : snapshot.entities.values()) {
            entities.set(entity.id, entity(entity));
        }
        ArrayNode relationships = json.putArray("relationships");
        for (Relationship link : snapshot.links.all()) {
            ObjectNode rel = relationships.addObject();
            rel.put("from", link.from());
            rel.put("to", link.to());
            rel.put("type", link.type());
            rel.put("cardinality", link.cardinality());
        }
        ObjectNode cardinalities = json.putObject("rel_cardinalities");
        snapshot.relCardinalities.forEach(cardinalities::put);
        ObjectNode rules = json.putObject("rel_constraints");
        snapshot.linkRules.forEach((id, rule) -> rules.set(id, rule.toJson()));
        ObjectNode styles = json.putObject("styles");
        styles.set("global", object(snapshot.globalStyles));
        ObjectNode entityStyles = styles.putObject("entities");
        snapshot.entityStyles.forEach((id, style) -> entityStyles.set(id, object(style)));
        json.set("_sequence", number(snapshot.sequence));
        return json;
    }

    static ObjectNode meta(Snapshot snapshot) {
        ObjectNode meta = NODES.objectNode();
        // The four keys of the spec come first, then whatever meta.set added, in order.
        meta.set("title", snapshot.metaFields.getOrDefault("title", NULL));
        meta.set("identity", snapshot.metaFields.getOrDefault("identity", NULL));
        ArrayNode annotations = meta.putArray("annotations");
        snapshot.annotations.forEach(annotations::add);
        ObjectNode constraints = meta.putObject("constraints");
        snapshot.childLimits.forEach((id, limit) -> constraints.set(id, limit.toJson()));
        snapshot.metaFields.forEach((key, value) -> {
            if (!meta.has(key)) {
                meta.set(key, value);
            }
        });
        return meta;
    }

    static ObjectNode entity(Entity entity) {
        ObjectNode json = NODES.objectNode();
        json.put("id", entity.id);
        json.put("parent", entity.parent);
        json.put("display", entity.display);
        json.set("props", object(entity.props));
        json.put("_removed", entity.removed);
        ArrayNode children = json.putArray("_children");
        entity.children.forEach(children::add);
        json.set("_created_seq", number(entity.createdSeq));
        json.set("_updated_seq", number(entity.updatedSeq));
        if (entity.removedSeq >= 0) {
            json.set("_removed_seq", number(entity.removedSeq));
        }
        if (entity.styles != null) {
            json.set("_styles", object(entity.styles));
        }
        return json;
    }

    /** An int node when the value fits, as a JSON parser would produce, so trees compare equal. */
    static JsonNode number(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    static ObjectNode object(Map<String, JsonNode> values) {
        ObjectNode json = NODES.objectNode();
        values.forEach(json::set);
        return json;
    }

    static Snapshot read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a snapshot must be a JSON object");
        }
        Snapshot snapshot = new Snapshot();
        readMeta(json.get("meta"), snapshot);
        JsonNode entities = json.get("entities");
        if (entities != null && entities.isObject()) {
            for (Map.Entry<String, JsonNode> field : entities.properties()) {
                if (field.getValue().isObject()) {
                    Entity entity = readEntity(field.getKey(), field.getValue());
                    snapshot.entities.put(entity.id, entity);
                    snapshot.treeChanged();
                }
            }
        }
        readRest(json.get("rel_cardinalities"), json.get("relationships"), json.get("rel_constraints"),
                json.get("styles"), json.get("_sequence"), snapshot);
        return snapshot;
    }

    /**
     * Everything but the meta and the entities, in the order it must be read (a relationship
     * without a cardinality takes its type's). {@link SnapshotReader} reads these parts as trees
     * and hands them here, so the rules are in one place.
     */
    static void readRest(JsonNode cardinalities, JsonNode relationships, JsonNode rules, JsonNode styles,
                         JsonNode sequence, Snapshot snapshot) {
        if (cardinalities != null && cardinalities.isObject()) {
            for (Map.Entry<String, JsonNode> field : cardinalities.properties()) {
                if (field.getValue().isString()) {
                    snapshot.relCardinalities.put(field.getKey(), field.getValue().stringValue());
                }
            }
        }
        if (relationships != null && relationships.isArray()) {
            for (JsonNode rel : relationships) {
                readRelationship(rel, snapshot);
            }
        }
        if (rules != null && rules.isObject()) {
            for (Map.Entry<String, JsonNode> field : rules.properties()) {
                if (field.getValue().isObject()) {
                    snapshot.linkRules.put(field.getKey(), LinkRule.fromJson(field.getKey(), field.getValue()));
                }
            }
        }
        if (styles != null && styles.isObject()) {
            readValues(styles.get("global"), snapshot.globalStyles);
            JsonNode perEntity = styles.get("entities");
            if (perEntity != null && perEntity.isObject()) {
                for (Map.Entry<String, JsonNode> field : perEntity.properties()) {
                    if (field.getValue().isObject()) {
                        snapshot.entityStyles.put(field.getKey(), readValues(field.getValue()));
                    }
                }
            }
        }
        snapshot.sequence = JsonRead.integer(sequence, 0);
    }

    static void readMeta(JsonNode meta, Snapshot snapshot) {
        if (meta == null || !meta.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : meta.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("annotations")) {
                if (value.isArray()) {
                    value.forEach(annotation -> snapshot.annotations.add(annotation.deepCopy()));
                }
            } else if (key.equals("constraints")) {
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> rule : value.properties()) {
                        if (rule.getValue().isObject()) {
                            snapshot.childLimits.put(rule.getKey(), ChildLimit.fromJson(rule.getKey(), rule.getValue()));
                        }
                    }
                }
            } else {
                snapshot.metaFields.put(key, value.deepCopy());
            }
        }
    }

    private static Entity readEntity(String key, JsonNode json) {
        Entity entity = new Entity(JsonRead.string(json.get("id"), key));
        entity.parent = JsonRead.string(json.get("parent"), Snapshot.ROOT);
        entity.display = JsonRead.string(json.get("display"), null);
        readValues(json.get("props"), entity.props);
        entity.removed = JsonRead.bool(json.get("_removed"), false);
        entity.children.addAll(JsonRead.strings(json.get("_children")));
        entity.createdSeq = JsonRead.integer(json.get("_created_seq"), 0);
        entity.updatedSeq = JsonRead.integer(json.get("_updated_seq"), entity.createdSeq);
        entity.removedSeq = JsonRead.integer(json.get("_removed_seq"), -1);
        JsonNode styles = json.get("_styles");
        if (styles != null && styles.isObject()) {
            entity.styles = readValues(styles);
        }
        return entity;
    }

    private static void readRelationship(JsonNode rel, Snapshot snapshot) {
        if (rel == null || !rel.isObject()) {
            return;
        }
        String from = JsonRead.string(rel.get("from"), null);
        String to = JsonRead.string(rel.get("to"), null);
        String type = JsonRead.string(rel.get("type"), null);
        if (from == null || to == null || type == null) {
            return;
        }
        String cardinality = JsonRead.string(
                rel.get("cardinality"), snapshot.relCardinalities.getOrDefault(type, Cardinality.MANY_TO_MANY.json));
        snapshot.links.add(new Relationship(from, to, type, cardinality));
    }

    private static LinkedHashMap<String, JsonNode> readValues(JsonNode object) {
        return readValues(object, new LinkedHashMap<>());
    }

    /** Into {@code values} directly, rather than into a map of its own per entity only to be copied. */
    private static <M extends Map<String, JsonNode>> M readValues(JsonNode object, M values) {
        if (object != null && object.isObject()) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                values.put(field.getKey(), field.getValue().deepCopy());
            }
        }
        return values;
    }
}
