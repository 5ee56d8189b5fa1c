package com.toaide.kernel;

import java.util.ArrayDeque;

/** Questions about the shape of the tree: depth, height, ancestry. */
final class Tree {
    private Tree() {}

    static boolean isRoot(String parent) {
        return Snapshot.ROOT.equals(parent);
    }

    /**
     * How many ancestors a child of {@code parent} has: 0 under the root (null), 1 under a
     * top-level entity, and so on.
     */
    static int ancestors(Snapshot s, Entity parent) {
        int depth = 0;
        // Bounded so that a stored snapshot with a parent loop cannot hang the kernel.
        for (Entity at = parent; at != null && depth <= s.entities.size(); depth++) {
            at = isRoot(at.parent) ? null : s.entities.get(at.parent);
        }
        return depth;
    }

    /** Levels in the live subtree of {@code entity}, itself included (1 for a leaf). */
    static int height(Snapshot s, Entity entity) {
        int height = 0;
        ArrayDeque<Entity> level = new ArrayDeque<>();
        level.add(entity);
        while (!level.isEmpty() && height <= Limits.MAX_DEPTH) {
            height++;
            ArrayDeque<Entity> next = new ArrayDeque<>();
            for (Entity at : level) {
                for (String childId : at.children) {
                    Entity child = s.entities.get(childId);
                    if (child != null && !child.removed && at.id.equals(child.parent)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return height;
    }

    /** Whether {@code ancestorId} is above {@code id} on its chain of parents. */
    static boolean isAncestor(Snapshot s, String ancestorId, String id) {
        Entity at = s.entities.get(id);
        for (int steps = 0; at != null && steps <= s.entities.size(); steps++) {
            if (isRoot(at.parent)) {
                return false;
            }
            if (at.parent.equals(ancestorId)) {
                return true;
            }
            at = s.entities.get(at.parent);
        }
        return false;
    }
}
