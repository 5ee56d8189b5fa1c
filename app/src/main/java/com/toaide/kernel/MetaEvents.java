package com.toaide.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The page-wide events: styles, meta, annotations, child limits. */
final class MetaEvents {
    private MetaEvents() {}

    static void styleGlobal(Snapshot s, Event.SetGlobalStyle e) {
        s.sequence++;
        s.globalStyles.putAll(e.styles());
    }

    static void styleEntity(Snapshot s, Event.StyleEntity e) {
        Entity entity = EntityEvents.live(s, e.ref());
        if (entity.styles != null) {
            EntityEvents.checkPropCount(entity.styles, e.styles());
        }

        s.sequence++;
        if (entity.styles == null) {
            entity.styles = new LinkedHashMap<>();
        }
        entity.styles.putAll(e.styles());
        s.entityStyles.computeIfAbsent(entity.id, id -> new LinkedHashMap<>()).putAll(e.styles());
    }

    static void set(Snapshot s, Event.SetMeta e) {
        s.sequence++;
        s.metaFields.putAll(e.values());
    }

    static void annotate(Snapshot s, Event.Annotate e, String envelopeTs) {
        ObjectNode annotation = SnapshotJson.NODES.objectNode();
        annotation.set("note", e.note());
        annotation.put("pinned", e.pinned());
        // Time comes from the event or its envelope, never from a clock, so replay is exact.
        annotation.put("ts", e.ts() != null ? e.ts() : envelopeTs);
        annotation.set("seq", SnapshotJson.number(s.sequence));
        s.sequence++;
        s.annotations.add(annotation);
    }

    static List<String> constrain(Snapshot s, Event.ConstrainChildren e) {
        List<String> warnings = ChildLimits.checkNew(s, e.limit());

        s.sequence++;
        s.childLimits.put(e.limit().id(), e.limit());
        return warnings;
    }
}
