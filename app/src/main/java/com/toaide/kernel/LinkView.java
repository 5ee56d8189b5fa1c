package com.toaide.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The links as they would be after a change (some dropped, maybe one added), so constraints
 * can be checked before the change is written.
 */
final class LinkView {
    private final Links links;
    private final Set<Relationship> dropped;
    private final Relationship added;

    LinkView(Links links, Set<Relationship> dropped, Relationship added) {
        this.links = links;
        this.dropped = dropped;
        this.added = added;
    }

    static LinkView current(Links links) {
        return new LinkView(links, Set.of(), null);
    }

    List<Relationship> from(String id) {
        return present(links.from(id), added != null && added.from().equals(id));
    }

    List<Relationship> to(String id) {
        return present(links.to(id), added != null && added.to().equals(id));
    }

    List<Relationship> all() {
        return present(links.all(), added != null);
    }

    private List<Relationship> present(Collection<Relationship> base, boolean withAdded) {
        List<Relationship> out = new ArrayList<>(base.size() + 1);
        for (Relationship link : base) {
            if (!dropped.contains(link)) {
                out.add(link);
            }
        }
        // The added link is already in base unless it is new or was dropped to be re-appended.
        if (withAdded && (!links.contains(added) || dropped.contains(added))) {
            out.add(added);
        }
        return out;
    }

    /** Targets of {@code id}'s links of the given type (any type when null). */
    Set<String> targets(String id, String type) {
        Set<String> targets = new LinkedHashSet<>();
        for (Relationship link : from(id)) {
            if (type == null || type.equals(link.type())) {
                targets.add(link.to());
            }
        }
        return targets;
    }

    /** Links of the given type (any when null) with {@code id} at either end; a self-link counts once. */
    int degree(String id, String type) {
        int count = 0;
        for (Relationship link : from(id)) {
            if (type == null || type.equals(link.type())) {
                count++;
            }
        }
        for (Relationship link : to(id)) {
            if ((type == null || type.equals(link.type())) && !link.from().equals(id)) {
                count++;
            }
        }
        return count;
    }
}
