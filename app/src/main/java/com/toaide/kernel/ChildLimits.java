package com.toaide.kernel;

import java.util.ArrayList;
import java.util.List;

/** Enforces {@code meta.constrain} rules: strict ones reject, the others warn. */
final class ChildLimits {
    private ChildLimits() {}

    /** Checks adding one live child under {@code parent} (null for the root, which has no limit). */
    static List<String> checkAdding(Snapshot s, Entity parent) {
        if (parent == null || s.childLimits.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        int liveChildren = -1;
        for (ChildLimit limit : s.childLimits.values()) {
            if (limit.limits(parent.id)) {
                if (liveChildren < 0) {
                    liveChildren = liveChildren(s, parent);
                }
                if (!limit.allows(liveChildren + 1)) {
                    reportBroken(limit, warnings);
                }
            }
        }
        return warnings;
    }

    /** Checks a new rule against the current tree. */
    static List<String> checkNew(Snapshot s, ChildLimit limit) {
        List<String> warnings = new ArrayList<>();
        Entity parent = s.entities.get(limit.parent());
        if (parent != null && !parent.removed && !limit.allows(liveChildren(s, parent))) {
            reportBroken(limit, warnings);
        }
        return warnings;
    }

    private static void reportBroken(ChildLimit limit, List<String> warnings) {
        if (limit.strict()) {
            throw new Rejection(Code.STRICT_CONSTRAINT_VIOLATED, limit.describe());
        }
        warnings.add(limit.describe());
    }

    static int liveChildren(Snapshot s, Entity parent) {
        int count = 0;
        for (String childId : parent.children) {
            Entity child = s.entities.get(childId);
            if (child != null && !child.removed && parent.id.equals(child.parent)) {
                count++;
            }
        }
        return count;
    }
}
