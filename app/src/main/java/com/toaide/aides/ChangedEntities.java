package com.toaide.aides;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which subtrees of the page a batch of accepted events changed, so the live channel sends only
 * those ({@code patch} frames). Empty means "the whole page": meta and global style changes, moves
 * between parents, anything touching a top-level entity. An item shown by name in another item's
 * link line ("Hosted by: Dave") changes that item too when it is renamed or removed.
 */
final class ChangedEntities {
    private ChangedEntities() {}

    static Optional<Set<String>> of(Snapshot after, List<JsonNode> accepted) {
        var dirty = new LinkedHashSet<String>();
        Set<String> named = null;   // updated or removed: links pointing at them show their name
        for (JsonNode event : accepted) {
            String type = text(event, "t");
            switch (type == null ? "" : type) {
                case "entity.create" -> dirty.add(parentOf(event));
                case "entity.update" -> {
                    dirty.add(text(event, "ref"));
                    named = with(named, text(event, "ref"));
                }
                case "entity.reorder", "style.entity" -> dirty.add(text(event, "ref"));
                case "entity.remove" -> {
                    dirty.add(parentInSnapshot(after, text(event, "ref")));
                    named = with(named, text(event, "ref"));
                }
                case "rel.set", "rel.remove" -> {
                    // Without a source, or one to one (which drops the target's other link too),
                    // the links that changed are not all known here.
                    String from = text(event, "from");
                    if (from == null || "one_to_one".equals(after.relationshipCardinalities().get(text(event, "type")))) {
                        return Optional.empty();
                    }
                    dirty.add(from);
                }
                case "voice", "escalate", "clarify", "batch.start", "batch.end" -> { }
                default -> {
                    return Optional.empty();
                }
            }
        }
        // Most pages have no links at all: the cardinality map is empty, and nothing is copied.
        if (named != null && !after.relationshipCardinalities().isEmpty()) {
            for (var link : after.relationships()) {
                Entity source = after.entity(link.from());
                if (named.contains(link.to()) && source != null && !source.removed()) {
                    dirty.add(link.from());
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

    private static Set<String> with(Set<String> set, String id) {
        Set<String> out = set == null ? new HashSet<>() : set;
        out.add(id);
        return out;
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
