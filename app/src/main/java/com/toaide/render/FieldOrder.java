package com.toaide.render;

import com.toaide.kernel.Entity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which fields a card, list or checklist shows for each of its items, in what order: its
 * {@code _show_fields} list when it has one, else each item's own props less
 * {@code _hide_fields}; an empty {@code _show_fields} shows none. The same hints order a table's columns (TableLayout); here they order
 * a card's own fields and the secondary fields of list and checklist items, and a link type
 * counts as a field. {@link #ALL} (no hints) shows everything in the item's own order.
 */
record FieldOrder(List<String> shown, Set<String> hidden) {
    static final FieldOrder ALL = new FieldOrder(null, Set.of());

    static FieldOrder of(Entity block) {
        JsonNode show = present(block.prop("_show_fields"));
        JsonNode hide = present(block.prop("_hide_fields"));
        if (show == null && hide == null) {
            return ALL;
        }
        // Present but empty shows no field (every one hidden), unlike a table, which keeps its columns.
        List<String> shown = show == null ? null : List.copyOf(new LinkedHashSet<>(Props.strings(show)));
        return new FieldOrder(shown, new HashSet<>(Props.strings(hide)));
    }

    private static JsonNode present(JsonNode hint) {
        return hint == null || hint.isNull() ? null : hint;
    }

    /** True when {@code key} (a prop or a link type) is shown. */
    boolean shows(String key) {
        return shown == null ? !hidden.contains(key) : shown.contains(key);
    }
}
