package com.toaide.render;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot's live relationships by source entity, built on first use (most pages have
 * none), and the name each target shows under: its title or name, else its first text value. Links touching a removed or missing entity are
 * not shown.
 */
final class LinkIndex {

    private final Snapshot snapshot;
    private Map<String, List<Relationship>> bySource;

    LinkIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    List<Relationship> from(String source) {
        if (bySource == null) {
            bySource = index(snapshot);
        }
        return bySource.getOrDefault(source, Collections.emptyList());
    }

    /** The names of {@code source}'s targets of one type, comma-separated. */
    String targets(String source, String type) {
        StringBuilder b = new StringBuilder();
        for (Relationship l : from(source)) {
            if (l.type().equals(type)) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(targetName(l));
            }
        }
        return b.toString();
    }

    String targetName(Relationship l) {
        return name(snapshot.entity(l.to()));
    }

    private static Map<String, List<Relationship>> index(Snapshot snapshot) {
        List<Relationship> all = snapshot.relationships();
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Relationship>> out = new HashMap<>();
        for (Relationship l : all) {
            if (l.from() == null || l.to() == null || l.type() == null) {
                continue;
            }
            Entity a = snapshot.entity(l.from());
            Entity b = snapshot.entity(l.to());
            if (a != null && b != null && !a.removed() && !b.removed()) {
                out.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }

    private static String name(Entity e) {
        for (String k : Props.CARD_TITLE_KEYS) {
            JsonNode v = e.prop(k);
            if (Props.present(v)) {
                String s = Values.plain(v);
                if (!s.isBlank()) {
                    return s;
                }
            }
        }
        // A row made by hand names itself in its first column ("player", "place"), not by an id.
        for (Map.Entry<String, JsonNode> p : e.props().entrySet()) {
            if (Props.visible(p.getKey()) && p.getValue().isString() && !p.getValue().asString().isBlank()) {
                return Values.plain(p.getValue());
            }
        }
        return Values.humanize(e.id());
    }
}
