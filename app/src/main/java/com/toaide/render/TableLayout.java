package com.toaide.render;

import static com.toaide.render.Props.visible;
import static com.toaide.render.Props.word;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.render.view.Head;
import com.toaide.render.view.TableBlock;
import com.toaide.render.view.Val;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A table from an entity and its rows: columns from the rows' props and
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
    private int cellsLeft = MAX_CELLS;

    TableLayout(Fields fields) {
        this.fields = fields;
    }

    TableBlock table(Entity e, Head head, List<Entity> rows) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        LinkedHashSet<String> relTypes = new LinkedHashSet<>();
        for (Entity r : rows) {
            for (String k : r.props().keySet()) {
                if (visible(k)) {
                    keys.add(k);
                }
            }
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
            return new TableBlock(head, List.of(), List.of(), fields.editor ? ViewBuilder.NO_ITEMS : null, null);
        }
        rows = sorted(e, rows);

        int n = columns.size();
        int m = Math.min(rows.size(), cellsLeft / n);
        cellsLeft -= m * n;
        if (m < rows.size()) {
            String more = more(rows.size() - m, "row") + " (a page shows at most " + MAX_CELLS + " table cells).";
            note = note == null ? more : note + " " + more;
        }
        // Every cell's value, looked up once: columns are typed from it, then cells built from it.
        JsonNode[][] values = new JsonNode[m][n];
        for (int j = 0; j < m; j++) {
            Entity r = rows.get(j);
            for (int i = 0; i < n; i++) {
                values[j][i] = r.prop(columns.get(i));
            }
        }
        Money money = Money.of(e);
        boolean[] rel = new boolean[n];
        String[] types = new String[n];
        String[] cls = new String[n];
        List<TableBlock.Column> cols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String k = columns.get(i);
            rel[i] = !keys.contains(k) && relTypes.contains(k);
            boolean numeric = !rel[i];
            boolean any = false;
            for (int j = 0; j < m; j++) {
                JsonNode v = values[j][i];
                if (v != null && !v.isNull()) {
                    if (types[i] == null) {
                        types[i] = Values.type(v);
                    }
                    any = true;
                    numeric &= v.isNumber();
                }
            }
            cls[i] = numeric && any ? "num" : null;
            if (types[i] == null) {
                types[i] = "string";
            }
            cols.add(new TableBlock.Column(fields.label(k), cls[i]));
        }

        // Without _group_by every row is in one group: no map to fill.
        List<TableBlock.Row> ungrouped = groupBy == null ? new ArrayList<>(m) : null;
        Map<String, List<TableBlock.Row>> groups = groupBy == null ? null : new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            Entity r = rows.get(j);
            List<Val> cells = new ArrayList<>(n - 1);
            Val first = null;
            for (int i = 0; i < n; i++) {
                Val v = rel[i] ? link(r.id(), columns.get(i))
                        : cell(r.id(), columns.get(i), values[j][i], types[i], cls[i], money);
                if (i == 0) {
                    first = v;
                } else {
                    cells.add(v);
                }
            }
            TableBlock.Row row = new TableBlock.Row(fields.id(r), Props.nonEmpty(Fields.itemClasses(r)), first, cells);
            if (groups == null) {
                ungrouped.add(row);
            } else {
                groups.computeIfAbsent(groupLabel(r.prop(groupBy)), g -> new ArrayList<>()).add(row);
            }
        }
        if (groups == null) {
            return new TableBlock(head, cols, List.of(new TableBlock.RowGroup(null, ungrouped)), null, note);
        }
        List<TableBlock.RowGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<TableBlock.Row>> g : groups.entrySet()) {
            out.add(new TableBlock.RowGroup(g.getKey(), g.getValue()));
        }
        return new TableBlock(head, cols, out, null, note);
    }

    /** The hinted columns if any, else every visible key then every relationship type. */
    private static List<String> columns(Entity e, Set<String> keys, Set<String> relTypes, String groupBy) {
        List<String> shown = Props.strings(e.prop("_show_fields"));
        Set<String> hidden = new HashSet<>(Props.strings(e.prop("_hide_fields")));
        List<String> columns = new ArrayList<>();
        if (!shown.isEmpty()) {
            for (String k : shown) {
                if (visible(k) && !columns.contains(k)) {
                    columns.add(k);
                }
            }
        } else {
            for (String k : keys) {
                if (!hidden.contains(k)) {
                    columns.add(k);
                }
            }
            for (String t : relTypes) {
                if (!hidden.contains(t) && !keys.contains(t)) {
                    columns.add(t);
                }
            }
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
        // Look each sort key up once, not once per comparison.
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (Entity r : rows) {
            keyed.add(new Keyed(r.prop(sortBy), r));
        }
        keyed.sort((a, b) -> Sorting.compare(a.key(), b.key(), desc));
        List<Entity> out = new ArrayList<>(rows.size());
        for (Keyed k : keyed) {
            out.add(k.row());
        }
        return out;
    }

    private record Keyed(JsonNode key, Entity row) {}

    private Val cell(String row, String key, JsonNode v, String type, String cls, Money money) {
        if (v == null || v.isNull()) {
            return fields.editor ? new Val("", null, null, false, cls, row, key, type)
                    : cls == null ? Val.EMPTY : new Val("", null, null, false, cls, null, null, null);
        }
        return fields.val(row, key, v, money);
    }

    /** A relationship column's cell: the targets' names; in the editor, marked for the picker. */
    private Val link(String row, String type) {
        String names = fields.links.targets(row, type);
        return fields.editor ? new Val(names, null, null, false, null, row, type, Val.REL) : Val.text(names);
    }

    private static String more(int n, String what) {
        return n == 1 ? "1 more " + what + " is not shown" : n + " more " + what + "s are not shown";
    }

    private static String groupLabel(JsonNode v) {
        String s = Values.plain(v);
        return s.isBlank() ? "Other" : s;
    }
}
