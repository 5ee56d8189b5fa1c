package com.toaide.render;

import static com.toaide.render.Props.visible;
import static com.toaide.render.Props.word;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Writes a table from an entity and its rows: columns from the rows' props and
 * relationship types, or the {@code _show_fields}/{@code _hide_fields} hints; rows sorted by
 * {@code _sort_by} and grouped by {@code _group_by}; number columns right-aligned.
 */
final class TableLayout {
    /** Columns a table shows: as many props as one entity may hold, so a hand-made table is never cut. */
    static final int MAX_COLUMNS = 64;
    /**
     * Table cells one page shows, all tables together: 5,000 rows of four columns, or 312 of the
     * widest. The rest of a table's rows are counted in its note.
     */
    static final int MAX_CELLS = 20_000;

    private final Fields fields;
    private final Markup m;
    private int cellsLeft = MAX_CELLS;

    TableLayout(Fields fields) {
        this.fields = fields;
        this.m = fields.m;
    }

    /**
     * Writes the table's rows and its note after its head; false when it has no rows or no
     * columns (then the editor shows its placeholder).
     */
    boolean table(Entity e, List<Entity> rows) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        LinkedHashSet<String> relTypes = new LinkedHashSet<>();
        // forEach walks the map's own nodes; an iterator per row showed in profiles.
        Consumer<String> addVisible = k -> {
            if (visible(k)) {
                keys.add(k);
            }
        };
        for (Entity r : rows) {
            r.props().keySet().forEach(addVisible);
            for (Relationship l : fields.links.from(r.id())) {
                relTypes.add(l.type());
            }
        }
        String groupBy = word(e.prop("_group_by"));
        List<String> columns = columns(e, keys, relTypes, groupBy);
        // Rows with different keys would otherwise make the page grow with rows times columns.
        String note = null;
        if (columns.size() > MAX_COLUMNS) {
            note = more(columns.size() - MAX_COLUMNS, "column") + " (a table shows at most " + MAX_COLUMNS + ").";
            columns = columns.subList(0, MAX_COLUMNS);
        }
        if (rows.isEmpty() || columns.isEmpty()) {
            m.empty(fields.editor ? PageWriter.NO_ITEMS : null);
            return false;
        }
        rows = sorted(e, rows);

        int n = columns.size();
        int rowCount = Math.min(rows.size(), cellsLeft / n);
        cellsLeft -= rowCount * n;
        if (rowCount < rows.size()) {
            String more = more(rows.size() - rowCount, "row") + " (a page shows at most " + MAX_CELLS + " table cells).";
            note = note == null ? more : note + " " + more;
        }
        // Every cell's value, looked up once: columns are typed from it, then cells written from it.
        JsonNode[][] values = new JsonNode[rowCount][n];
        for (int j = 0; j < rowCount; j++) {
            Entity r = rows.get(j);
            for (int i = 0; i < n; i++) {
                values[j][i] = r.prop(columns.get(i));
            }
        }
        Money money = Money.of(e);
        boolean[] rel = new boolean[n];
        String[] types = new String[n];
        String[] cls = new String[n];
        m.append("<div class=\"tw\"><table>\n<thead><tr>");
        for (int i = 0; i < n; i++) {
            String k = columns.get(i);
            rel[i] = !keys.contains(k) && relTypes.contains(k);
            boolean numeric = !rel[i];
            boolean any = false;
            for (int j = 0; j < rowCount; j++) {
                JsonNode v = values[j][i];
                JsonNodeType kind = v == null ? JsonNodeType.NULL : v.getNodeType();
                if (kind != JsonNodeType.NULL) {
                    if (types[i] == null) {
                        types[i] = Values.type(v);
                    }
                    any = true;
                    numeric &= kind == JsonNodeType.NUMBER;
                }
            }
            cls[i] = numeric && any ? "num" : null;
            if (types[i] == null) {
                types[i] = "string";
            }
            m.append("<th scope=\"col\"");
            m.attr(" class=\"", cls[i]);
            m.append('>').text(fields.label(k)).append("</th>");
        }
        m.append("</tr></thead>\n");

        Table t = new Table(rows, columns, values, rel, types, cls, money);
        if (groupBy == null) {
            // Without _group_by every row is in one group, without a label.
            group(t, null, null, 0, rowCount);
        } else {
            grouped(t, groupBy);
        }
        m.append("</table></div>");
        if (note != null) {
            m.append("<p class=\"note\">").text(note).append("</p>");
        }
        return true;
    }

    /** What writing a table's rows needs, in one place. */
    private record Table(List<Entity> rows, List<String> columns, JsonNode[][] values, boolean[] rel,
                         String[] types, String[] cls, Money money) {}

    /** Rows under their group labels, the groups in the order their first rows come. */
    private void grouped(Table t, String groupBy) {
        int rowCount = t.values().length;
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] group = new int[rowCount];
        for (int j = 0; j < rowCount; j++) {
            Integer seen = index.putIfAbsent(groupLabel(t.rows().get(j).prop(groupBy)), index.size());
            group[j] = seen == null ? index.size() - 1 : seen;
        }
        // The rows in group order, each group's in table order: group g is order[start[g]] to order[start[g + 1] - 1].
        int[] start = new int[index.size() + 1];
        for (int g : group) {
            start[g + 1]++;
        }
        for (int g = 0; g < index.size(); g++) {
            start[g + 1] += start[g];
        }
        int[] order = new int[rowCount];
        int[] next = start.clone();
        for (int j = 0; j < rowCount; j++) {
            order[next[group[j]]++] = j;
        }
        int g = 0;
        for (String label : index.keySet()) {
            group(t, label, order, start[g], start[g + 1]);
            g++;
        }
    }

    /**
     * One {@code <tbody>}: the label row, if any, then rows {@code from} to {@code to} of
     * {@code order} (null: the rows in table order).
     */
    private void group(Table t, String label, int[] order, int from, int to) {
        m.append("<tbody>");
        if (label != null) {
            m.append("<tr class=\"g\"><th scope=\"rowgroup\" colspan=\"").append(t.columns().size()).append("\">")
                    .text(label).append("</th></tr>");
        }
        m.append('\n');
        for (int k = from; k < to; k++) {
            row(t, order == null ? k : order[k]);
        }
        m.append("</tbody>\n");
        m.checkCap();
    }

    /** One row: its first cell is the row header. */
    private void row(Table t, int j) {
        Entity r = t.rows().get(j);
        m.append("<tr");
        m.attr(" class=\"", Props.nonEmpty(Fields.itemClasses(r)));
        m.attr(" data-entity=\"", fields.id(r.id()));
        m.append('>');
        for (int i = 0; i < t.columns().size(); i++) {
            String key = t.columns().get(i);
            Val v = t.rel()[i] ? link(r.id(), key) : cell(r.id(), key, t.values()[j][i], t.types()[i], t.cls()[i], t.money());
            if (i == 0) {
                m.styled("<th scope=\"row\"", v, "</th>");
            } else {
                m.styled("<td", v, "</td>");
            }
        }
        m.append("</tr>\n");
    }

    /** The hinted columns if any, else every visible key then every relationship type. */
    private static List<String> columns(Entity e, Set<String> keys, Set<String> relTypes, String groupBy) {
        List<String> shown = Props.strings(e.prop("_show_fields"));
        JsonNode hide = e.prop("_hide_fields");
        // Not Set.of(): an immutable set's contains throws on null, a plain empty set answers false.
        Set<String> hidden = hide == null ? Collections.emptySet() : new HashSet<>(Props.strings(hide));
        List<String> columns = new ArrayList<>();
        if (!shown.isEmpty()) {
            for (String k : shown) {
                if (visible(k) && !columns.contains(k)) {
                    columns.add(k);
                }
            }
        } else {
            // forEach rather than for-each: no iterator per table (see table).
            keys.forEach(k -> {
                if (!hidden.contains(k)) {
                    columns.add(k);
                }
            });
            relTypes.forEach(t -> {
                if (!hidden.contains(t) && !keys.contains(t)) {
                    columns.add(t);
                }
            });
        }
        if (groupBy != null) {
            columns.remove(groupBy);
        }
        return columns;
    }

    private static List<Entity> sorted(Entity e, List<Entity> rows) {
        String sortBy = word(e.prop("_sort_by"));
        if (sortBy == null) {
            return rows;
        }
        String order = word(e.prop("_sort_order"));
        boolean desc = order != null && order.toLowerCase(Locale.ROOT).startsWith("desc");
        List<Entity> byNumber = byWholeNumber(rows, sortBy, desc);
        if (byNumber != null) {
            return byNumber;
        }
        // Look each sort key up once, not once per comparison.
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (Entity r : rows) {
            keyed.add(Keyed.of(r.prop(sortBy), r));
        }
        keyed.sort((a, b) -> a.whole && b.whole ? (desc ? -Long.compare(a.number, b.number) : Long.compare(a.number, b.number))
                : Sorting.compare(a.key, b.key, desc));
        List<Entity> out = new ArrayList<>(rows.size());
        for (Keyed k : keyed) {
            out.add(k.row);
        }
        return out;
    }

    private static final int PLACE_BITS = 21;
    private static final long LARGEST_PACKED = 1L << (62 - PLACE_BITS);

    /**
     * The rows sorted when every row's key is a whole number of modest size (the usual key:
     * points, a rank), as the comparison below would sort them; null otherwise. Each row is one
     * long, its number above its place in the table, so a plain sort of longs keeps rows with the
     * same number in table order.
     */
    private static List<Entity> byWholeNumber(List<Entity> rows, String sortBy, boolean desc) {
        if (rows.size() >= 1 << PLACE_BITS) {
            return null;
        }
        long[] packed = new long[rows.size()];
        for (int j = 0; j < packed.length; j++) {
            JsonNode key = rows.get(j).prop(sortBy);
            if (key == null || !key.isIntegralNumber() || !key.canConvertToLong()) {
                return null;
            }
            long number = key.longValue();
            if (number >= LARGEST_PACKED || number <= -LARGEST_PACKED) {
                return null;
            }
            packed[j] = (desc ? -number : number) << PLACE_BITS | j;
        }
        Arrays.sort(packed);
        List<Entity> out = new ArrayList<>(packed.length);
        for (long p : packed) {
            out.add(rows.get((int) (p & ((1 << PLACE_BITS) - 1))));
        }
        return out;
    }

    /**
     * A row and its sort key. A whole number that fits a long (the usual key: points, a rank)
     * is kept as one too, and two of them compare as {@link Sorting} would compare them, without
     * asking the JSON nodes again on every comparison.
     */
    private record Keyed(JsonNode key, Entity row, boolean whole, long number) {
        static Keyed of(JsonNode key, Entity row) {
            boolean whole = key != null && key.isIntegralNumber() && key.canConvertToLong();
            return new Keyed(key, row, whole, whole ? key.longValue() : 0);
        }
    }

    private Val cell(String row, String key, JsonNode v, String type, String cls, Money money) {
        if (v == null || v.isNull()) {
            return fields.editor ? fields.val("", cls, row, key, type) : fields.val("", cls, null, null, null);
        }
        return fields.val(row, key, v, money);
    }

    /** A relationship column's cell: the targets' names; in the editor, marked for the picker. */
    private Val link(String row, String type) {
        String names = fields.links.targets(row, type);
        return fields.editor ? fields.val(names, null, row, type, Val.REL) : fields.val(names, null, null, null, null);
    }

    private static String more(int n, String what) {
        return n == 1 ? "1 more " + what + " is not shown" : n + " more " + what + "s are not shown";
    }

    private static String groupLabel(JsonNode v) {
        String s = Values.plain(v);
        return s.isBlank() ? "Other" : s;
    }
}
