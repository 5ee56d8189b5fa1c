package com.toaide.ai.eval;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Which live entities a check counts, written so that it holds whatever ids and layout the
 * model chose. A match object's fields must all hold; a list of match objects matches an
 * entity that matches any of them; {@code {}} matches every live entity.
 *
 * <ul>
 *   <li>{@code display}: the display, or a list of displays;
 *   <li>{@code has}: a prop with a non-null value;
 *   <li>{@code props}: each key's value equals the given one (or one of a list);
 *   <li>{@code value}: some prop equals the given value (or one of a list), e.g. a date;
 *   <li>{@code text}, {@code any_text}, {@code none_text}: all, at least one, or none of the
 *       words occur in the entity's props written as {@code key: value} (whole words, any case);
 *   <li>{@code under}: some ancestor matches; {@code link_to}: a live link from it goes to a
 *       matching entity.
 * </ul>
 * Strings compare without case; numbers by value, so {@code 25} equals {@code 25.0}.
 */
final class Match {
    private Match() {}

    static List<Entity> all(Snapshot snapshot, JsonNode match) {
        List<Entity> found = new ArrayList<>();
        for (Entity root : snapshot.roots()) {
            collect(snapshot, root, match, found);
        }
        return found;
    }

    private static void collect(Snapshot snapshot, Entity entity, JsonNode match, List<Entity> found) {
        if (entity == null || entity.removed()) {
            return;
        }
        if (matches(snapshot, entity, match)) {
            found.add(entity);
        }
        for (String child : entity.children()) {
            Entity next = snapshot.entity(child);
            if (next != null && entity.id().equals(next.parent())) {
                collect(snapshot, next, match, found);
            }
        }
    }

    static boolean matches(Snapshot snapshot, Entity entity, JsonNode match) {
        if (match.isArray()) {
            return match.valueStream().anyMatch(one -> matches(snapshot, entity, one));
        }
        String text = text(entity);
        for (Map.Entry<String, JsonNode> field : match.properties()) {
            JsonNode want = field.getValue();
            boolean holds = switch (field.getKey()) {
                case "display" -> entity.display() != null && oneOf(want).stream().anyMatch(w -> w.asString().equalsIgnoreCase(entity.display()));
                case "has" -> entity.prop(want.asString()) != null && !entity.prop(want.asString()).isNull();
                case "props" -> want.properties().stream().allMatch(p -> equalsAny(entity.prop(p.getKey()), oneOf(p.getValue())));
                case "value" -> entity.props().values().stream().anyMatch(v -> equalsAny(v, oneOf(want)));
                case "text" -> oneOf(want).stream().allMatch(w -> occurs(text, w.asString()));
                case "any_text" -> oneOf(want).stream().anyMatch(w -> occurs(text, w.asString()));
                case "none_text" -> oneOf(want).stream().noneMatch(w -> occurs(text, w.asString()));
                case "under" -> ancestorMatches(snapshot, entity, want);
                case "link_to" -> linkMatches(snapshot, entity, want);
                default -> throw new IllegalArgumentException("a match has no field " + field.getKey());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> oneOf(JsonNode value) {
        return value.isArray() ? value.valueStream().toList() : List.of(value);
    }

    private static boolean equalsAny(JsonNode actual, List<JsonNode> wanted) {
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (actual.isArray()) {
            return actual.valueStream().anyMatch(item -> equalsAny(item, wanted));
        }
        for (JsonNode want : wanted) {
            if (actual.isNumber() && want.isNumber() ? actual.decimalValue().compareTo(want.decimalValue()) == 0
                    : actual.isString() && want.isString() ? actual.stringValue().strip().equalsIgnoreCase(want.stringValue())
                    : actual.equals(want)) {
                return true;
            }
        }
        return false;
    }

    /** The entity's props as "key: value; key: value", the text the word checks search. */
    private static String text(Entity entity) {
        StringBuilder text = new StringBuilder();
        entity.props().forEach((key, value) -> {
            if (value != null && !value.isNull()) {
                text.append(key).append(": ").append(value.isString() ? value.stringValue() : value.toString()).append("; ");
            }
        });
        return text.toString();
    }

    static boolean occurs(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static boolean ancestorMatches(Snapshot snapshot, Entity entity, JsonNode match) {
        Entity parent = snapshot.entity(entity.parent());
        for (int depth = 0; parent != null && depth < 64; depth++) {
            if (matches(snapshot, parent, match)) {
                return true;
            }
            parent = snapshot.entity(parent.parent());
        }
        return false;
    }

    private static boolean linkMatches(Snapshot snapshot, Entity entity, JsonNode match) {
        for (Relationship link : snapshot.relationships()) {
            Entity to = snapshot.entity(link.to());
            if (link.from().equals(entity.id()) && to != null && !to.removed() && matches(snapshot, to, match)) {
                return true;
            }
        }
        return false;
    }
}
