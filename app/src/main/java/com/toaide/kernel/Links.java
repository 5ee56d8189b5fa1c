package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The relationships of a snapshot in insertion order, indexed by both endpoints so that
 * setting or dropping one link costs the degree of its endpoints, not the size of the aide.
 */
final class Links {
    private final LinkedHashSet<Relationship> all = new LinkedHashSet<>();
    private final HashMap<String, LinkedHashSet<Relationship>> bySource = new HashMap<>();
    private final HashMap<String, LinkedHashSet<Relationship>> byTarget = new HashMap<>();

    int size() {
        return all.size();
    }

    boolean contains(Relationship link) {
        return all.contains(link);
    }

    void add(Relationship link) {
        if (all.add(link)) {
            bySource.computeIfAbsent(link.from(), k -> new LinkedHashSet<>()).add(link);
            byTarget.computeIfAbsent(link.to(), k -> new LinkedHashSet<>()).add(link);
        }
    }

    void remove(Relationship link) {
        if (all.remove(link)) {
            removeFromIndex(bySource, link.from(), link);
            removeFromIndex(byTarget, link.to(), link);
        }
    }

    private static void removeFromIndex(
            HashMap<String, LinkedHashSet<Relationship>> index, String key, Relationship link) {
        Set<Relationship> set = index.get(key);
        if (set != null) {
            set.remove(link);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** Links leaving {@code id}, in insertion order. */
    Collection<Relationship> from(String id) {
        Set<Relationship> set = bySource.get(id);
        return set == null ? List.of() : set;
    }

    /** Links arriving at {@code id}, in insertion order. */
    Collection<Relationship> to(String id) {
        Set<Relationship> set = byTarget.get(id);
        return set == null ? List.of() : set;
    }

    Collection<Relationship> all() {
        return all;
    }

    List<Relationship> matching(String from, String to, String type) {
        Collection<Relationship> candidates = from != null ? from(from) : to != null ? to(to) : all;
        List<Relationship> found = new ArrayList<>();
        for (Relationship link : candidates) {
            if ((from == null || from.equals(link.from()))
                    && (to == null || to.equals(link.to()))
                    && (type == null || type.equals(link.type()))) {
                found.add(link);
            }
        }
        return found;
    }

    Links copy() {
        Links copy = new Links();
        for (Relationship link : all) {
            copy.add(link);
        }
        return copy;
    }
}
