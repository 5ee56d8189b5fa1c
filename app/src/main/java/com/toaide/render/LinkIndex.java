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
 * none), and the name each target shows under: its title or name, else the first text value its block shows. Links touching a removed or missing entity are
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

    private String name(Entity e) {
        for (String k : Props.CARD_TITLE_KEYS) {
            JsonNode v = e.prop(k);
            if (Props.present(v)) {
                String s = Values.plain(v);
                if (!s.isBlank()) {
                    return s;
                }
            }
        }
        // A row made by hand names itself in its first shown column ("player", "place"), not by an id.
        // Stored key order is no guide: the database keeps keys shortest first ("site" before "place").
        Entity holder = snapshot.entity(e.parent());
        if (holder != null) {
            for (String k : Props.strings(holder.prop("_show_fields"))) {
                String s = text(e.prop(k));
                if (s != null) {
                    return s;
                }
            }
        }
        List<String> hidden = holder == null ? List.of() : Props.strings(holder.prop("_hide_fields"));
        for (Map.Entry<String, JsonNode> p : e.props().entrySet()) {
            String s = Props.visible(p.getKey()) && !hidden.contains(p.getKey()) ? text(p.getValue()) : null;
            if (s != null) {
                return s;
            }
        }
        return Values.humanize(e.id());
    }

    private static String text(JsonNode v) {
        return v != null && v.isString() && !v.asString().isBlank() ? Values.plain(v) : null;
    }
}
