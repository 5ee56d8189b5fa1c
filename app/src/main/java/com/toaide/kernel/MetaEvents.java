package com.toaide.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The page-wide events: styles, meta, annotations, child limits. */
final class MetaEvents {
    private MetaEvents() {}

    static void styleGlobal(Snapshot s, Event.SetGlobalStyle e) {
        EntityEvents.checkKeyCount(s.globalStyles, e.styles(), Limits.MAX_META_KEYS,
                "the page's styles hold at most " + Limits.MAX_META_KEYS + " keys");
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
        entity.text = null;
        s.entityStyles.computeIfAbsent(entity.id, id -> new LinkedHashMap<>()).putAll(e.styles());
    }

    static void set(Snapshot s, Event.SetMeta e) {
        EntityEvents.checkKeyCount(s.metaFields, e.values(), Limits.MAX_META_KEYS,
                "meta holds at most " + Limits.MAX_META_KEYS + " keys besides annotations and constraints");
        s.sequence++;
        s.metaFields.putAll(e.values());
    }

    static void annotate(Snapshot s, Event.Annotate e, String envelopeTs) {
        if (s.annotations.size() >= Limits.MAX_ANNOTATIONS) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "an aide holds at most " + Limits.MAX_ANNOTATIONS + " annotations");
        }
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
        checkConstraintCount(s, e.limit().id(), s.childLimits);
        List<String> warnings = ChildLimits.checkNew(s, e.limit());

        s.sequence++;
        s.childLimits.put(e.limit().id(), e.limit());
        return warnings;
    }

    /** A new constraint id (of either kind) is refused once the aide holds {@link Limits#MAX_CONSTRAINTS}; replacing one is not. */
    static void checkConstraintCount(Snapshot s, String id, Map<String, ?> sameKind) {
        if (!sameKind.containsKey(id) && s.linkRules.size() + s.childLimits.size() >= Limits.MAX_CONSTRAINTS) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "an aide holds at most " + Limits.MAX_CONSTRAINTS + " constraints");
        }
    }
}
