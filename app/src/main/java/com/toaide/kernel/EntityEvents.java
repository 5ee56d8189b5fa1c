package com.toaide.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The entity events: create, update, remove, move, reorder. Each validates fully, then writes. */
final class EntityEvents {
    private static final String PAGE = "page";

    private EntityEvents() {}

    static List<String> create(Snapshot s, Event.CreateEntity e) {
        Entity existing = s.entities.get(e.id());
        if (existing != null && !existing.removed) {
            throw new Rejection(Code.ENTITY_EXISTS, "entity " + e.id() + " already exists");
        }
        Entity parent = Tree.isRoot(e.parent()) ? null : liveParent(s, e.parent());
        if (existing == null && s.entities.size() >= Limits.MAX_ENTITIES) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "an aide holds at most " + Limits.MAX_ENTITIES + " entities");
        }
        if (Tree.ancestors(s, parent) > Limits.MAX_DEPTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "entities nest at most " + Limits.MAX_DEPTH + " deep");
        }
        List<String> warnings = ChildLimits.checkAdding(s, parent);

        long seq = ++s.sequence;
        if (existing != null) {
            // A removed id may be re-created: the new entity replaces it wherever it now lives.
            Entity oldParent = s.entities.get(existing.parent);
            if (oldParent != null) {
                oldParent.children.remove(existing.id);
                oldParent.text = null;
            }
        }
        Entity entity = new Entity(e.id());
        entity.parent = e.parent();
        entity.display = e.display();
        entity.props.putAll(e.props());
        entity.createdSeq = seq;
        entity.updatedSeq = seq;
        s.entities.put(entity.id, entity);
        s.treeChanged();
        if (parent != null) {
            parent.children.add(entity.id);
            parent.text = null;
        }
        JsonNode title = e.props().get("title");
        if (PAGE.equals(e.display()) && truthy(title)) {
            s.metaFields.put("title", title);
        }
        return warnings;
    }

    static void update(Snapshot s, Event.UpdateEntity e) {
        Entity entity = live(s, e.ref());
        checkPropCount(entity.props, e.props());

        long seq = ++s.sequence;
        entity.props.putAll(e.props());
        entity.updatedSeq = seq;
        entity.text = null;
        if (PAGE.equals(entity.display) && e.props().containsKey("title")) {
            s.metaFields.put("title", e.props().get("title"));
        }
    }

    static void remove(Snapshot s, Event.RemoveEntity e) {
        Entity entity = s.entities.get(e.ref());
        if (entity == null) {
            throw new Rejection(Code.ENTITY_NOT_FOUND, "entity " + e.ref() + " not found");
        }
        if (entity.removed) {
            throw new Rejection(Code.ALREADY_REMOVED, "entity " + e.ref() + " is already removed");
        }

        long seq = ++s.sequence;
        ArrayDeque<Entity> pending = new ArrayDeque<>();
        pending.push(entity);
        while (!pending.isEmpty()) {
            Entity next = pending.pop();
            next.removed = true;
            next.removedSeq = seq;
            next.text = null;
            for (String childId : next.children) {
                Entity child = s.entities.get(childId);
                if (child != null && !child.removed && next.id.equals(child.parent)) {
                    pending.push(child);
                }
            }
        }
    }

    static List<String> move(Snapshot s, Event.MoveEntity e) {
        Entity entity = live(s, e.ref());
        Entity parent = null;
        if (!Tree.isRoot(e.parent())) {
            if (e.parent().equals(entity.id) || Tree.isAncestor(s, entity.id, e.parent())) {
                throw new Rejection(Code.CYCLE, "cannot move " + entity.id + " under itself or its descendant " + e.parent());
            }
            parent = liveParent(s, e.parent());
        }
        if (Tree.ancestors(s, parent) + Tree.height(s, entity) - 1 > Limits.MAX_DEPTH) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "entities nest at most " + Limits.MAX_DEPTH + " deep");
        }
        boolean newParent = !e.parent().equals(entity.parent);
        List<String> warnings = newParent ? ChildLimits.checkAdding(s, parent) : List.of();

        long seq = ++s.sequence;
        Entity oldParent = Tree.isRoot(entity.parent) ? null : s.entities.get(entity.parent);
        if (oldParent != null) {
            oldParent.children.remove(entity.id);
            oldParent.text = null;
        }
        entity.parent = e.parent();
        entity.updatedSeq = seq;
        entity.text = null;
        s.treeChanged();
        if (parent != null) {
            parent.text = null;
            Long position = e.position();
            if (position != null && position >= 0 && position <= parent.children.size()) {
                parent.children.add(position.intValue(), entity.id);
            } else {
                parent.children.add(entity.id);
            }
        }
        return warnings;
    }

    static void reorder(Snapshot s, Event.ReorderChildren e) {
        Entity entity = live(s, e.ref());
        LinkedHashSet<String> liveChildren = new LinkedHashSet<>();
        for (String childId : entity.children) {
            Entity child = s.entities.get(childId);
            if (child != null && !child.removed && entity.id.equals(child.parent)) {
                liveChildren.add(childId);
            }
        }
        LinkedHashSet<String> given = new LinkedHashSet<>();
        List<String> extra = new ArrayList<>();
        for (String childId : e.children()) {
            if (!given.add(childId) || !liveChildren.contains(childId)) {
                extra.add(childId);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String childId : liveChildren) {
            if (!given.contains(childId)) {
                missing.add(childId);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new Rejection(Code.REORDER_MISMATCH, "missing: " + missing + ", extra: " + extra);
        }

        long seq = ++s.sequence;
        // Removed children keep their relative order after the live ones.
        List<String> reordered = new ArrayList<>(entity.children.size());
        reordered.addAll(e.children());
        for (String childId : entity.children) {
            if (!liveChildren.contains(childId)) {
                reordered.add(childId);
            }
        }
        entity.children.clear();
        entity.children.addAll(reordered);
        entity.updatedSeq = seq;
        entity.text = null;
    }

    /** The live entity {@code ref}, or ENTITY_NOT_FOUND. */
    static Entity live(Snapshot s, String ref) {
        Entity entity = s.entities.get(ref);
        if (entity == null || entity.removed) {
            throw new Rejection(Code.ENTITY_NOT_FOUND, "entity " + ref + " not found");
        }
        return entity;
    }

    private static Entity liveParent(Snapshot s, String id) {
        Entity parent = s.entities.get(id);
        if (parent == null || parent.removed) {
            throw new Rejection(Code.PARENT_NOT_FOUND, "parent " + id + " not found");
        }
        return parent;
    }

    static void checkPropCount(Map<String, JsonNode> current, Map<String, JsonNode> incoming) {
        checkKeyCount(current, incoming, Limits.MAX_PROPS_PER_ENTITY, "an entity holds at most " + Limits.MAX_PROPS_PER_ENTITY + " props");
    }

    /** Rejects a merge of {@code incoming} into {@code current} that would leave more than {@code max} keys. */
    static void checkKeyCount(Map<String, ?> current, Map<String, ?> incoming, int max, String detail) {
        if (current.size() + incoming.size() <= max) {
            return;
        }
        int count = current.size();
        for (String key : incoming.keySet()) {
            if (!current.containsKey(key)) {
                count++;
            }
        }
        if (count > max) {
            throw new Rejection(Code.LIMIT_EXCEEDED, detail);
        }
    }

    /** The reference format's truthiness, which decides whether a page's title becomes the aide's. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.stringValue().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        return !value.isEmpty();
    }
}
