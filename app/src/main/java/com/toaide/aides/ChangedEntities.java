package com.toaide.aides;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which subtrees of the page a batch of accepted events changed, so the live channel sends only
 * those ({@code patch} frames). Empty means "the whole page": meta and global style changes, moves
 * between parents, anything touching a top-level entity.
 */
final class ChangedEntities {
    private ChangedEntities() {}

    static Optional<Set<String>> of(Snapshot after, List<JsonNode> accepted) {
        var dirty = new LinkedHashSet<String>();
        for (JsonNode event : accepted) {
            String type = text(event, "t");
            switch (type == null ? "" : type) {
                case "entity.create" -> dirty.add(parentOf(event));
                case "entity.update", "entity.reorder", "style.entity" -> dirty.add(text(event, "ref"));
                case "entity.remove" -> dirty.add(parentInSnapshot(after, text(event, "ref")));
                case "rel.set", "rel.remove" -> dirty.add(text(event, "from"));
                case "voice", "escalate", "clarify", "batch.start", "batch.end" -> { }
                default -> {
                    return Optional.empty();
                }
            }
        }
        dirty.remove(null);
        if (dirty.contains("root")) {
            return Optional.empty();
        }
        var kept = new LinkedHashSet<String>();
        for (String id : dirty) {
            Entity entity = after.entity(id);
            if (entity == null || entity.removed() || "root".equals(entity.parent())) {
                return Optional.empty();
            }
            if (!hasAncestorIn(after, entity, dirty)) {
                kept.add(id);
            }
        }
        return Optional.of(kept);
    }

    private static boolean hasAncestorIn(Snapshot snapshot, Entity entity, Set<String> ids) {
        for (String parent = entity.parent(); parent != null && !"root".equals(parent); ) {
            if (ids.contains(parent)) {
                return true;
            }
            Entity up = snapshot.entity(parent);
            parent = up == null ? null : up.parent();
        }
        return false;
    }

    private static String parentOf(JsonNode create) {
        String parent = text(create, "parent");
        return parent == null || parent.isEmpty() ? "root" : parent;
    }

    private static String parentInSnapshot(Snapshot snapshot, String id) {
        Entity entity = id == null ? null : snapshot.entity(id);
        return entity == null ? "root" : entity.parent();
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
