package com.toaide.aides;

import com.toaide.kernel.Entity;
import com.toaide.kernel.LogEntry;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A short note of what a batch changed, computed from its events alone, naming things the way
 * the page shows them ("Linda: Paid → yes", "Added Steve to Roster", "Removed Ice"). Names come
 * from a snapshot (removed entities keep their props there), then from the event itself. Same
 * events and snapshot, same note: no clock, no model.
 */
public final class ChangeNotes {
    /** Notes longer than this are cut (the feed and History show one line). */
    static final int MAX_LENGTH = 140;
    /** Up to this many changes are named one by one; more are counted. */
    private static final int NAMED = 3;
    private static final String[] NAME_KEYS = {"name", "title", "label", "text", "task", "item"};

    private ChangeNotes() {}

    /** The note of one batch's entries (markers and signals say nothing); empty when nothing changed. */
    public static String of(List<LogEntry> batch, Snapshot names) {
        List<Change> changes = new ArrayList<>();
        for (LogEntry entry : batch) {
            if (entry.isUndo()) {
                changes.add(new Change("undid", null, "Undid a change"));
            } else if (entry.isRedo()) {
                changes.add(new Change("redid", null, "Put back a change"));
            } else {
                describe(entry.event(), names, changes);
            }
        }
        if (changes.size() <= NAMED) {
            return cap(String.join("; ", changes.stream().map(Change::text).toList()));
        }
        return cap(summary(changes));
    }

    /** Several notes as one line (a publish covers every batch since the last one), most recent first, capped. */
    public static String combine(List<String> notes) {
        List<String> distinct = new ArrayList<>();
        for (int i = notes.size() - 1; i >= 0; i--) {
            if (!notes.get(i).isEmpty() && !distinct.contains(notes.get(i))) {
                distinct.add(notes.get(i));
            }
        }
        return cap(String.join("; ", distinct));
    }

    private record Change(String verb, String where, String text) {}

    private static void describe(JsonNode event, Snapshot names, List<Change> changes) {
        String type = event.path("t").asString("");
        String ref = event.path("ref").asString(event.path("id").asString(""));
        switch (type) {
            case "entity.create" -> {
                String name = name(names, ref, event.path("p"));
                String parent = event.path("parent").asString("root");
                String where = "root".equals(parent) ? null : name(names, parent, null);
                changes.add(new Change("added", where, where == null ? "Added " + name : "Added " + name + " to " + where));
            }
            case "entity.update" -> {
                List<String> fields = new ArrayList<>();
                for (var field : event.path("p").properties()) {
                    fields.add(label(field.getKey()) + " → " + value(field.getValue()));
                }
                changes.add(new Change("updated", parentName(names, ref), name(names, ref, null) + ": " + String.join(", ", fields)));
            }
            case "entity.remove" -> changes.add(new Change("removed", parentName(names, ref), "Removed " + name(names, ref, null)));
            case "entity.move" -> {
                String parent = event.path("parent").asString("root");
                changes.add(new Change("moved", null, "root".equals(parent)
                        ? "Moved " + name(names, ref, null) : "Moved " + name(names, ref, null) + " into " + name(names, parent, null)));
            }
            case "entity.reorder" -> changes.add(new Change("reordered", null, "Reordered " + name(names, ref, null)));
            case "rel.set" -> changes.add(new Change("linked", null,
                    "Linked " + name(names, event.path("from").asString(""), null) + " to " + name(names, event.path("to").asString(""), null)));
            case "rel.remove" -> changes.add(new Change("unlinked", null, "Removed a link"));
            case "meta.set", "meta.update" -> {
                String title = event.path("p").path("title").asString(event.path("title").asString(""));
                changes.add(new Change("renamed", null, title.isEmpty() ? "Changed the page settings" : "Title → " + title));
            }
            case "meta.annotate" -> changes.add(new Change("noted", null, "Noted: " + event.path("p").path("note").asString("")));
            case "style.set", "style.entity" -> changes.add(new Change("restyled", null, "Changed the look"));
            case "rel.constrain", "meta.constrain" -> changes.add(new Change("ruled", null, "Added a rule"));
            default -> { } // signals (voice, clarify, escalate, batch markers) change nothing on the page
        }
    }

    /**
     * "Added 4 to Games, updated 3 in Players": counts by what was done and where; a change alone
     * in its group is named as it would be on its own ("added Games to League").
     */
    private static String summary(List<Change> changes) {
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (Change change : changes) {
            String preposition = switch (change.verb()) {
                case "added" -> " to ";
                case "updated", "removed" -> " in ";
                default -> null;
            };
            String key = change.verb() + (preposition != null && change.where() != null ? "|" + preposition + change.where() : "|");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((key, group) -> {
            String[] verbAndWhere = key.split("\\|", 2);
            String verb = verbAndWhere[0];
            String alone = group.get(0).text();
            if (group.size() == 1 && alone.startsWith(label(verb))) {
                parts.add(verb + alone.substring(verb.length()));
            } else {
                int count = group.size();
                parts.add(verb + " " + count + (verbAndWhere[1].isEmpty() ? (count == 1 ? " thing" : " things") : verbAndWhere[1]));
            }
        });
        String joined = String.join(", ", parts);
        return joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
    }

    private static String parentName(Snapshot names, String ref) {
        Entity entity = names.entity(ref);
        return entity == null || "root".equals(entity.parent()) ? null : name(names, entity.parent(), null);
    }

    /** An entity's name as the page shows it: its name-like prop, else its kind or id in words. */
    static String name(Snapshot names, String id, JsonNode eventProps) {
        Entity entity = names.entity(id);
        for (String key : NAME_KEYS) {
            if (entity != null && entity.prop(key) != null && entity.prop(key).isString() && !entity.prop(key).asString().isBlank()) {
                return brief(entity.prop(key).asString());
            }
            if (eventProps != null && eventProps.path(key).isString() && !eventProps.path(key).asString().isBlank()) {
                return brief(eventProps.path(key).asString());
            }
        }
        return label(id);
    }

    /** A prop key or id in words: "paid_at" → "Paid at". */
    static String label(String key) {
        String words = key.replace('_', ' ').trim();
        return words.isEmpty() ? "it" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String value(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        if (value.isNull()) {
            return "empty";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return brief(String.join(", ", items));
        }
        return brief(value.asString());
    }

    private static String brief(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }

    private static String cap(String note) {
        return note.length() <= MAX_LENGTH ? note : note.substring(0, MAX_LENGTH - 1) + "…";
    }
}
