package com.toaide.render;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of entity ids for one render: the ids a page has placed. A {@code HashSet} allocated a
 * node for every entity of every page and a table on its first add, a tenth of an 85-entity
 * document's time (docs/performance.md); this keeps the ids in one open-addressed array, probed
 * by their cached hash codes.
 *
 * <p>Ids are the user's, and strings with one hash code are easy to make: a probe that runs long
 * moves the set into a {@code HashSet}, which keeps colliding strings in a tree, so a page of
 * such ids costs what it cost before.
 */
final class IdSet {
    private static final int LONGEST_PROBE = 32;

    private String[] slots;
    private int size;
    private Set<String> colliding;

    /** A set with room for {@code expected} ids before it grows. */
    IdSet(int expected) {
        slots = new String[tableSize(expected)];
    }

    /** Adds {@code id}; false when it was there already. */
    boolean add(String id) {
        if (colliding != null) {
            return colliding.add(id);
        }
        int mask = slots.length - 1;
        int i = spread(id.hashCode()) & mask;
        int probes = 0;
        for (String s = slots[i]; s != null; s = slots[i]) {
            if (s.equals(id)) {
                return false;
            }
            if (++probes > LONGEST_PROBE) {
                colliding = new HashSet<>(Arrays.asList(slots));
                colliding.remove(null);
                slots = null;
                return colliding.add(id);
            }
            i = (i + 1) & mask;
        }
        slots[i] = id;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    /** Kept at most half full, so a probe ends soon at an empty slot. */
    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String id : old) {
            if (id != null) {
                int i = spread(id.hashCode()) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = id;
            }
        }
    }

    /** Mixes the high bits into the low ones the mask keeps: ids like "row_1", "row_2" differ late. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int tableSize(int expected) {
        int wanted = Math.max(16, expected * 2);
        return Integer.highestOneBit(Math.min(wanted, 1 << 29) - 1) << 1;
    }
}
