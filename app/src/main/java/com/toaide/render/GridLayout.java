package com.toaide.render;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a grid from an entity and its cells: cells named {@code cell_R_C}
 * placed by row and column, sized by {@code _rows}/{@code _cols} or by the cells and labels,
 * at most {@link #MAX_GRID} each way.
 */
final class GridLayout {

    /** Rows and columns of a grid at most: a hostile {@code _rows} must not allocate millions. */
    static final int MAX_GRID = 100;

    private final Fields fields;
    private final Markup m;
    private final Snapshot snapshot;

    GridLayout(Fields fields, Snapshot snapshot) {
        this.fields = fields;
        this.m = fields.m;
        this.snapshot = snapshot;
    }

    /** Writes the grid's table after its head; false when it has no rows. */
    boolean grid(Entity e, List<Entity> children) {
        Map<Long, Entity> cells = new HashMap<>();
        int maxRow = -1;
        int maxCol = -1;
        boolean zeroBased = false;
        for (Entity c : children) {
            int[] rc = cellIndex(c.id());
            if (rc == null) {
                continue;
            }
            cells.put(((long) rc[0] << 32) | rc[1], c);
            maxRow = Math.max(maxRow, rc[0]);
            maxCol = Math.max(maxCol, rc[1]);
            zeroBased |= rc[0] == 0 || rc[1] == 0;
        }
        // Built on each call: asked for only when a grid is drawn.
        JsonNode meta = snapshot.meta();
        List<String> rowLabels = labels(e.prop("_row_labels"), meta, "row_labels");
        List<String> colLabels = labels(e.prop("_col_labels"), meta, "col_labels");
        int base = zeroBased || cells.isEmpty() ? 0 : 1;
        int rows = size(e.prop("_rows"), maxRow - base + 1, rowLabels.size());
        int cols = size(e.prop("_cols"), maxCol - base + 1, colLabels.size());
        boolean hasRowLabels = !rowLabels.isEmpty();

        m.append("<div class=\"tw\"><table class=\"cells\">\n");
        if (!colLabels.isEmpty()) {
            m.append("<thead><tr>");
            if (hasRowLabels) {
                m.append("<td></td>");
            }
            for (int c = 0; c < cols; c++) {
                m.append("<th scope=\"col\">").text(c < colLabels.size() ? colLabels.get(c) : "").append("</th>");
            }
            m.append("</tr></thead>\n");
        }
        m.append("<tbody>\n");
        for (int r = 0; r < rows; r++) {
            m.append("<tr>");
            if (hasRowLabels) {
                m.append("<th scope=\"row\">").text(r < rowLabels.size() ? rowLabels.get(r) : "").append("</th>");
            }
            for (int c = 0; c < cols; c++) {
                Entity cell = cells.get(((long) (r + base) << 32) | (c + base));
                m.styled("<td", cell == null ? fields.val("", null, null, null, null) : cellValue(cell), "</td>");
            }
            m.append("</tr>\n");
        }
        m.append("</tbody></table></div>");
        return rows > 0;
    }

    private Val cellValue(Entity cell) {
        String key = Props.firstKeyOrVisible(cell, Props.CELL_KEYS);
        return key == null ? fields.val(cell.id(), "value", null) : fields.val(cell.id(), key, cell.prop(key));
    }

    /** {@code cell_2_3} (possibly after a prefix) as {2, 3}; null for other ids. */
    static int[] cellIndex(String id) {
        int at = id.lastIndexOf("cell_");
        if (at < 0 || (at > 0 && id.charAt(at - 1) != '_')) {
            return null;
        }
        String rest = id.substring(at + 5);
        int us = rest.indexOf('_');
        if (us <= 0 || us == rest.length() - 1 || us > 4 || rest.length() - us - 1 > 4) {
            return null;
        }
        for (int i = 0; i < rest.length(); i++) {
            if (i != us && !Character.isDigit(rest.charAt(i))) {
                return null;
            }
        }
        return new int[] {Integer.parseInt(rest.substring(0, us)), Integer.parseInt(rest.substring(us + 1))};
    }

    private static int size(JsonNode declared, int fromCells, int fromLabels) {
        int n = declared != null && declared.isNumber() && declared.canConvertToInt() ? declared.intValue()
                : Math.max(fromCells, fromLabels);
        return Math.max(0, Math.min(n, MAX_GRID));
    }

    private static List<String> labels(JsonNode own, JsonNode meta, String metaKey) {
        JsonNode v = own != null && own.isArray() ? own : meta == null ? null : meta.get(metaKey);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode x : v) {
            out.add(Values.plain(x));
            if (out.size() == MAX_GRID) {
                break;
            }
        }
        return out;
    }
}
