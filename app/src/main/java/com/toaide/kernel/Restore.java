package com.toaide.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kernel events that bring an aide from its current state back to an earlier one, so a
 * restore is an ordinary batch: recorded, undoable, and nothing in the log is rewritten.
 *
 * <p>Each event is applied to a working copy as it is chosen, so later ones see earlier ones
 * (a restored row's parent exists before the row). What the kernel cannot express is left as
 * it is: a prop the earlier state did not have is set to null (the kernel has no prop removal),
 * and an entity whose display kind changed keeps its current kind.
 */
public final class Restore {
    private Restore() {}

    /** Events turning {@code current} into {@code target}; {@code current} is not changed. */
    public static List<JsonNode> events(Snapshot current, Snapshot target) {
        Snapshot working = current.copy();
        List<JsonNode> events = new ArrayList<>();
        for (Entity wanted : liveInTreeOrder(target)) {
            Entity now = working.entity(wanted.id());
            if (now == null || now.removed()) {
                ObjectNode create = event("entity.create").put("id", wanted.id()).put("parent", wanted.parent());
                if (wanted.display() != null) {
                    create.put("display", wanted.display());
                }
                create.set("p", props(wanted.props()));
                add(working, events, create);
                continue;
            }
            Map<String, JsonNode> changed = new LinkedHashMap<>();
            wanted.props().forEach((key, value) -> {
                if (!Objects.equals(now.prop(key), value)) {
                    changed.put(key, value);
                }
            });
            now.props().keySet().stream().filter(key -> !wanted.props().containsKey(key))
                    .forEach(key -> changed.put(key, SnapshotJson.NULL));
            if (!changed.isEmpty()) {
                add(working, events, event("entity.update").put("ref", wanted.id()).set("p", props(changed)));
            }
            if (!now.parent().equals(wanted.parent())) {
                add(working, events, event("entity.move").put("ref", wanted.id()).put("parent", wanted.parent()));
            }
        }
        for (Entity extra : liveInTreeOrder(working)) {
            // Parents come first, so the children of a removed parent are already removed with it.
            if (!extra.removed() && !isLive(target, extra.id())) {
                add(working, events, event("entity.remove").put("ref", extra.id()));
            }
        }
        for (Entity wanted : liveInTreeOrder(target)) {
            List<String> order = liveChildren(target, wanted);
            if (!order.equals(liveChildren(working, working.entity(wanted.id())))) {
                ObjectNode reorder = event("entity.reorder").put("ref", wanted.id());
                order.forEach(reorder.putArray("children")::add);
                add(working, events, reorder);
            }
        }
        restoreLinks(working, target, events);
        restoreMetaAndStyles(working, target, events);
        return events;
    }

    private static void restoreLinks(Snapshot working, Snapshot target, List<JsonNode> events) {
        for (Relationship link : working.relationships()) {
            if (!target.relationships().contains(link)) {
                add(working, events, event("rel.remove").put("from", link.from()).put("to", link.to()).put("type", link.type()));
            }
        }
        for (Relationship link : target.relationships()) {
            if (!working.relationships().contains(link)) {
                add(working, events, event("rel.set").put("from", link.from()).put("to", link.to())
                        .put("type", link.type()).put("cardinality", link.cardinality()));
            }
        }
    }

    private static void restoreMetaAndStyles(Snapshot working, Snapshot target, List<JsonNode> events) {
        Map<String, JsonNode> meta = new LinkedHashMap<>();
        target.metaFields.forEach((key, value) -> {
            if (!Objects.equals(working.metaFields.get(key), value)) {
                meta.put(key, value);
            }
        });
        working.metaFields.keySet().stream().filter(key -> !target.metaFields.containsKey(key))
                .forEach(key -> meta.put(key, SnapshotJson.NULL));
        if (!meta.isEmpty()) {
            add(working, events, event("meta.set").set("p", props(meta)));
        }
        Map<String, JsonNode> global = changes(working.globalStyles, target.globalStyles);
        if (!global.isEmpty()) {
            add(working, events, event("style.set").set("p", props(global)));
        }
        for (Entity wanted : liveInTreeOrder(target)) {
            Map<String, JsonNode> styles = changes(working.entity(wanted.id()).styles(), wanted.styles());
            if (!styles.isEmpty()) {
                add(working, events, event("style.entity").put("ref", wanted.id()).set("p", props(styles)));
            }
        }
    }

    private static Map<String, JsonNode> changes(Map<String, JsonNode> now, Map<String, JsonNode> wanted) {
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!Objects.equals(now.get(key), value)) {
                changed.put(key, value);
            }
        });
        now.keySet().stream().filter(key -> !wanted.containsKey(key)).forEach(key -> changed.put(key, SnapshotJson.NULL));
        return changed;
    }

    private static void add(Snapshot working, List<JsonNode> events, ObjectNode event) {
        if (Kernel.apply(working, Event.fromJson(event), null).accepted()) {
            events.add(event);
        }
    }

    private static boolean isLive(Snapshot snapshot, String id) {
        Entity entity = snapshot.entity(id);
        return entity != null && !entity.removed();
    }

    private static List<String> liveChildren(Snapshot snapshot, Entity entity) {
        return entity.children().stream().filter(id -> isLive(snapshot, id)).toList();
    }

    /** Live entities, each after its parent, siblings in display order. */
    private static List<Entity> liveInTreeOrder(Snapshot snapshot) {
        List<Entity> order = new ArrayList<>();
        List<Entity> pending = new ArrayList<>(snapshot.roots().stream().filter(root -> !root.removed()).toList());
        while (!pending.isEmpty()) {
            Entity next = pending.remove(0);
            order.add(next);
            for (String child : liveChildren(snapshot, next)) {
                pending.add(snapshot.entity(child));
            }
        }
        return order;
    }

    private static ObjectNode event(String type) {
        return SnapshotJson.NODES.objectNode().put("t", type);
    }

    private static ObjectNode props(Map<String, JsonNode> values) {
        ObjectNode props = SnapshotJson.NODES.objectNode();
        values.forEach(props::set);
        return props;
    }
}
