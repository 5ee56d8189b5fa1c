package com.toaide.render;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import com.toaide.render.view.Block;
import com.toaide.render.view.Body;
import com.toaide.render.view.CardBlock;
import com.toaide.render.view.ChecklistBlock;
import com.toaide.render.view.Field;
import com.toaide.render.view.Frame;
import com.toaide.render.view.GridBlock;
import com.toaide.render.view.Heading;
import com.toaide.render.view.ImageBlock;
import com.toaide.render.view.ListBlock;
import com.toaide.render.view.MetricBlock;
import com.toaide.render.view.PageBlock;
import com.toaide.render.view.Rel;
import com.toaide.render.view.SectionBlock;
import com.toaide.render.view.TableBlock;
import com.toaide.render.view.TextBlock;
import com.toaide.render.view.Val;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Walks a snapshot (render.md, "Walk") and builds the view records the templates print. One
 * builder per render: it remembers which entities it has placed, so a malformed snapshot
 * (an id listed twice, a cycle) still renders each entity at most once and terminates.
 */
final class ViewBuilder {

    /** Deeper than the kernel allows (12); only reached by hand-made snapshots. */
    static final int MAX_DEPTH = 32;
    /** Rows and columns of a grid at most: a hostile {@code _rows} must not allocate millions. */
    static final int MAX_GRID = 100;
    static final String NO_ITEMS = "No items yet.";
    static final String NOTHING_YET = "Nothing here yet.";

    private static final List<String> TITLE_KEYS = List.of("title", "name");
    private static final List<String> CARD_TITLE_KEYS = List.of("title", "name", "task", "label");
    private static final List<String> ITEM_LABEL_KEYS = List.of("task", "label", "name", "title");
    private static final List<String> LIST_PRIMARY_KEYS = List.of("name", "title");
    private static final List<String> METRIC_LABEL_KEYS = List.of("label", "name", "title");
    private static final List<String> TEXT_KEYS = List.of("text", "content", "body");
    private static final List<String> CELL_KEYS = List.of("value", "text", "label", "name", "title");
    private static final List<String> LEAD_KEYS = List.of("description", "subtitle", "summary", "tagline");
    private static final Set<String> IMAGE_KEYS = Set.of("src", "url", "alt", "caption");

    private final Snapshot snapshot;
    private final boolean editor;
    private final Set<String> placed;
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> dates = new HashMap<>();
    private Map<String, List<Relationship>> links;
    private Map<String, Block> recorded;

    /** The first {@code https} image in page order, for link previews. */
    String firstImage;
    /** The first paragraph of text in page order. */
    String firstText;
    /** A page's own description/subtitle/summary prop. */
    String lead;
    /** The page's title as its h1 shows it. */
    String pageTitle;
    /** Titles of the page's top-level blocks. */
    final List<String> outline = new ArrayList<>();

    ViewBuilder(Snapshot snapshot, boolean editor) {
        this.snapshot = snapshot;
        this.editor = editor;
        this.placed = new HashSet<>(Math.max(16, snapshot.entityCount() * 2));
    }

    /** Keep every block by entity id, for rendering one subtree. */
    ViewBuilder recording() {
        recorded = new HashMap<>();
        return this;
    }

    Block recorded(String id) {
        return recorded == null ? null : recorded.get(id);
    }

    Body body() {
        List<Entity> roots = new ArrayList<>();
        boolean pageRoot = false;
        for (Entity e : snapshot.roots()) {
            if (!e.removed()) {
                roots.add(e);
                pageRoot |= infer(e) == Display.PAGE;
            }
        }
        Heading h1 = null;
        int level = 1;
        String metaTitle = snapshot.title();
        if (!pageRoot && metaTitle != null && !metaTitle.isBlank()) {
            h1 = new Heading(1, Val.text(metaTitle));
            pageTitle = metaTitle;
            level = 2;
        }
        List<Block> blocks = new ArrayList<>(roots.size());
        for (Entity e : roots) {
            Block b = build(e, level, 0);
            if (b != null) {
                blocks.add(b);
                if (!pageRoot) {
                    addOutline(b);
                }
            }
        }
        String cls = "aide" + Styles.global(snapshot.globalStyles());
        return new Body(cls, h1, blocks, blocks.isEmpty() ? NOTHING_YET : null);
    }

    private Block build(Entity e, int level, int depth) {
        if (depth >= MAX_DEPTH || !placed.add(e.id())) {
            return null;
        }
        Block b = switch (infer(e)) {
            case PAGE -> page(e, level, depth);
            case SECTION -> section(e, level, depth);
            case CARD -> card(e, level, depth);
            case TABLE -> table(e, level);
            case CHECKLIST -> checklist(e, level);
            case LIST -> list(e, level);
            case METRIC -> metric(e, level, depth);
            case TEXT -> text(e, level, depth);
            case IMAGE -> image(e, level, depth);
            case GRID -> grid(e, level);
        };
        if (recorded != null) {
            recorded.put(e.id(), b);
        }
        return b;
    }

    /** render.md's ordered display rules. */
    Display infer(Entity e) {
        String display = e.display();
        if (display != null && !display.isBlank()) {
            return Display.named(display);
        }
        Map<String, JsonNode> props = e.props();
        if (present(props.get("src")) || present(props.get("url"))) {
            return Display.IMAGE;
        }
        if (bool(props.get("done")) || bool(props.get("checked"))) {
            return Display.CARD;
        }
        int visible = visibleCount(props);
        if ((present(props.get("value")) || present(props.get("count"))) && visible <= 3) {
            return Display.METRIC;
        }
        if (visible == 1 && props.containsKey("text")) {
            return Display.TEXT;
        }
        Entity first = firstLiveChild(e);
        if (first != null) {
            return bool(first.prop("done")) || bool(first.prop("checked")) ? Display.CHECKLIST : Display.TABLE;
        }
        return Display.CARD;
    }

    // ---- containers ------------------------------------------------------------------

    private PageBlock page(Entity e, int level, int depth) {
        String titleKey = firstKey(e, TITLE_KEYS);
        Frame frame = frame(e, "page", titleKey, level, Set.of());
        if (pageTitle == null && titleKey != null) {
            pageTitle = Values.plain(e.prop(titleKey));
        }
        String leadKey = firstKey(e, LEAD_KEYS);
        if (lead == null && leadKey != null) {
            lead = Values.plain(e.prop(leadKey));
        }
        List<Block> children = children(e, next(level, frame), depth);
        for (Block c : children) {
            addOutline(c);
        }
        return new PageBlock(frame, children, children.isEmpty() ? NOTHING_YET : null);
    }

    private SectionBlock section(Entity e, int level, int depth) {
        Frame frame = frame(e, "section", firstKey(e, TITLE_KEYS), level, Set.of());
        List<Block> children = children(e, next(level, frame), depth);
        return new SectionBlock(frame, children, children.isEmpty() ? NO_ITEMS : null);
    }

    private CardBlock card(Entity e, int level, int depth) {
        Frame frame = frame(e, "card", firstKey(e, CARD_TITLE_KEYS), level, Set.of());
        return new CardBlock(frame, children(e, next(level, frame), depth), null);
    }

    private List<Block> children(Entity e, int level, int depth) {
        List<String> ids = e.children();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Block> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Entity c = snapshot.entity(id);
            if (c != null && !c.removed()) {
                Block b = build(c, level, depth + 1);
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Live children not placed elsewhere yet, claimed as rows, items or cells of {@code e}. */
    private List<Entity> claim(Entity e) {
        List<String> ids = e.children();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Entity c = snapshot.entity(id);
            if (c != null && !c.removed() && placed.add(id)) {
                out.add(c);
            }
        }
        return out;
    }

    // ---- table -------------------------------------------------------------------------

    private TableBlock table(Entity e, int level) {
        Frame frame = frame(e, "tbl", firstKey(e, TITLE_KEYS), level, Set.of());
        List<Entity> rows = claim(e);

        LinkedHashSet<String> keys = new LinkedHashSet<>();
        LinkedHashSet<String> relTypes = new LinkedHashSet<>();
        for (Entity r : rows) {
            for (String k : r.props().keySet()) {
                if (visible(k)) {
                    keys.add(k);
                }
            }
            for (Relationship l : links(r.id())) {
                relTypes.add(l.type());
            }
        }
        List<String> shown = strings(e.prop("_show_fields"));
        Set<String> hidden = new HashSet<>(strings(e.prop("_hide_fields")));
        String groupBy = word(e.prop("_group_by"));
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
        if (rows.isEmpty() || columns.isEmpty()) {
            return new TableBlock(frame, List.of(), List.of(), NO_ITEMS);
        }

        String sortBy = word(e.prop("_sort_by"));
        if (sortBy != null) {
            String order = word(e.prop("_sort_order"));
            boolean desc = order != null && order.toLowerCase(Locale.ROOT).startsWith("desc");
            // Look each sort key up once, not once per comparison.
            List<Keyed> keyed = new ArrayList<>(rows.size());
            for (Entity r : rows) {
                keyed.add(new Keyed(r.prop(sortBy), r));
            }
            keyed.sort((a, b) -> Sorting.compare(a.key(), b.key(), desc));
            rows = new ArrayList<>(rows.size());
            for (Keyed k : keyed) {
                rows.add(k.row());
            }
        }

        int n = columns.size();
        int m = rows.size();
        // Every cell's value, looked up once: columns are typed from it, then cells built from it.
        JsonNode[][] values = new JsonNode[m][n];
        for (int j = 0; j < m; j++) {
            Entity r = rows.get(j);
            for (int i = 0; i < n; i++) {
                values[j][i] = r.prop(columns.get(i));
            }
        }
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
            cols.add(new TableBlock.Column(label(k), cls[i]));
        }

        // Without _group_by every row is in one group: no map to fill.
        List<TableBlock.Row> ungrouped = groupBy == null ? new ArrayList<>(m) : null;
        Map<String, List<TableBlock.Row>> groups = groupBy == null ? null : new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            Entity r = rows.get(j);
            List<Val> cells = new ArrayList<>(n - 1);
            Val head = null;
            for (int i = 0; i < n; i++) {
                Val v = rel[i] ? Val.text(relTargets(r.id(), columns.get(i)))
                        : cell(r.id(), columns.get(i), values[j][i], types[i], cls[i]);
                if (i == 0) {
                    head = v;
                } else {
                    cells.add(v);
                }
            }
            TableBlock.Row row = new TableBlock.Row(id(r), nonEmpty(Styles.classes(r.styles(), styleNames(r))), head, cells);
            if (groups == null) {
                ungrouped.add(row);
            } else {
                groups.computeIfAbsent(groupLabel(r.prop(groupBy)), g -> new ArrayList<>()).add(row);
            }
        }
        if (groups == null) {
            return new TableBlock(frame, cols, List.of(new TableBlock.RowGroup(null, ungrouped)), null);
        }
        List<TableBlock.RowGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<TableBlock.Row>> g : groups.entrySet()) {
            out.add(new TableBlock.RowGroup(g.getKey(), g.getValue()));
        }
        return new TableBlock(frame, cols, out, null);
    }

    private record Keyed(JsonNode key, Entity row) {}

    private Val cell(String row, String key, JsonNode v, String type, String cls) {
        if (v == null || v.isNull()) {
            return editor ? new Val("", null, null, false, cls, row, key, type)
                    : cls == null ? Val.EMPTY : new Val("", null, null, false, cls, null, null, null);
        }
        return val(row, key, v);
    }

    private static String groupLabel(JsonNode v) {
        String s = Values.plain(v);
        return s.isBlank() ? "Other" : s;
    }

    // ---- checklist and list -----------------------------------------------------------

    private ChecklistBlock checklist(Entity e, int level) {
        Frame frame = frame(e, "chk", firstKey(e, TITLE_KEYS), level, Set.of());
        List<Entity> children = claim(e);
        if (children.isEmpty()) {
            return new ChecklistBlock(frame, List.of(), null, NO_ITEMS);
        }
        List<ChecklistBlock.Item> items = new ArrayList<>(children.size());
        int done = 0;
        for (Entity c : children) {
            String doneKey = bool(c.prop("done")) || !bool(c.prop("checked")) && !c.props().containsKey("checked")
                    ? "done" : "checked";
            JsonNode d = c.prop(doneKey);
            boolean isDone = d != null && d.isBoolean() && d.booleanValue();
            if (isDone) {
                done++;
            }
            String labelKey = firstKey(c, ITEM_LABEL_KEYS);
            Val label = labelKey == null ? val(c.id(), "task", null)
                    : val(c.id(), labelKey, c.prop(labelKey));
            Val check = new Val("", null, null, isDone, null, id(c), editor ? doneKey : null, editor ? "boolean" : null);
            List<Val> secondary = secondary(c, labelKey, "done", "checked");
            String style = Styles.classes(c.styles(), styleNames(c));
            String cls = style.isEmpty() ? (isDone ? "done" : null) : nonEmpty(((isDone ? "done" : "") + style).strip());
            items.add(new ChecklistBlock.Item(id(c), cls, isDone, check, label, secondary, rels(c)));
        }
        return new ChecklistBlock(frame, items, done + " of " + items.size() + " done", null);
    }

    private ListBlock list(Entity e, int level) {
        Frame frame = frame(e, "lst", firstKey(e, TITLE_KEYS), level, Set.of());
        List<Entity> children = claim(e);
        if (children.isEmpty()) {
            return new ListBlock(frame, List.of(), NO_ITEMS);
        }
        List<ListBlock.Item> items = new ArrayList<>(children.size());
        for (Entity c : children) {
            String key = firstKey(c, LIST_PRIMARY_KEYS);
            if (key == null) {
                for (String k : c.props().keySet()) {
                    if (visible(k)) {
                        key = k;
                        break;
                    }
                }
            }
            Val primary = key == null ? val(c.id(), "name", null) : val(c.id(), key, c.prop(key));
            String cls = Styles.classes(c.styles(), styleNames(c));
            items.add(new ListBlock.Item(id(c), nonEmpty(cls.strip()), primary, secondary(c, key), rels(c)));
        }
        return new ListBlock(frame, items, null);
    }

    /** The visible props of an item other than {@code except}, skipping ones that show nothing. */
    private List<Val> secondary(Entity c, String... except) {
        List<Val> out = null;
        outer:
        for (Map.Entry<String, JsonNode> p : c.props().entrySet()) {
            String k = p.getKey();
            if (!visible(k)) {
                continue;
            }
            for (String x : except) {
                if (k.equals(x)) {
                    continue outer;
                }
            }
            Val v = val(c.id(), k, p.getValue());
            if (v.text().isEmpty() && !v.yes()) {
                continue;
            }
            v = new Val(v.text(), v.href(), v.datetime(), v.yes(), v.cls() == null ? "sec" : "sec " + v.cls(),
                    v.entity(), v.field(), v.type());
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(v);
        }
        return out == null ? List.of() : out;
    }

    // ---- leaves ------------------------------------------------------------------------

    private MetricBlock metric(Entity e, int level, int depth) {
        String valueKey = present(e.prop("value")) || !present(e.prop("count")) ? "value" : "count";
        String labelKey = firstKey(e, METRIC_LABEL_KEYS);
        Set<String> used = labelKey == null ? Set.of(valueKey) : Set.of(valueKey, labelKey);
        Frame frame = frame(e, "metric", null, level, used);
        Val value = val(e.id(), valueKey, e.prop(valueKey));
        Val label = labelKey == null ? null : val(e.id(), labelKey, e.prop(labelKey));
        return new MetricBlock(frame, value, label, children(e, level, depth));
    }

    private TextBlock text(Entity e, int level, int depth) {
        String key = firstKey(e, TEXT_KEYS);
        if (key == null) {
            key = "text";
        }
        Frame frame = frame(e, "text", firstKey(e, TITLE_KEYS), level, Set.of(key));
        Val text = val(e.id(), key, e.prop(key));
        if (firstText == null && !text.text().isBlank()) {
            firstText = text.text();
        }
        return new TextBlock(frame, text, children(e, next(level, frame), depth));
    }

    private ImageBlock image(Entity e, int level, int depth) {
        String srcKey = present(e.prop("src")) ? "src" : "url";
        Frame frame = frame(e, "img", firstKey(e, TITLE_KEYS), level, IMAGE_KEYS);
        JsonNode s = e.prop(srcKey);
        Val src = null;
        if (s != null && s.isString() && Values.isWebUrl(s.stringValue())) {
            String url = s.stringValue();
            src = new Val(url, null, null, false, null, id(e), editor ? srcKey : null, editor ? "string" : null);
            if (firstImage == null && url.regionMatches(true, 0, "https:", 0, 6)) {
                firstImage = url;
            }
        }
        String altKey = firstKey(e, List.of("alt", "caption", "title", "name"));
        String alt = altKey == null ? "" : Values.plain(e.prop(altKey));
        Val caption = present(e.prop("caption")) ? val(e.id(), "caption", e.prop("caption")) : null;
        return new ImageBlock(frame, src, alt, caption, children(e, next(level, frame), depth));
    }

    private GridBlock grid(Entity e, int level) {
        Frame frame = frame(e, "grid", firstKey(e, TITLE_KEYS), level, Set.of());
        Map<Long, Entity> cells = new HashMap<>();
        int maxRow = -1;
        int maxCol = -1;
        boolean zeroBased = false;
        for (Entity c : claim(e)) {
            int[] rc = cellIndex(c.id());
            if (rc == null) {
                continue;
            }
            cells.put(((long) rc[0] << 32) | rc[1], c);
            maxRow = Math.max(maxRow, rc[0]);
            maxCol = Math.max(maxCol, rc[1]);
            zeroBased |= rc[0] == 0 || rc[1] == 0;
        }
        JsonNode meta = snapshot.meta();
        List<String> rowLabels = labels(e.prop("_row_labels"), meta, "row_labels");
        List<String> colLabels = labels(e.prop("_col_labels"), meta, "col_labels");
        int base = zeroBased || cells.isEmpty() ? 0 : 1;
        int rows = size(e.prop("_rows"), maxRow - base + 1, rowLabels.size());
        int cols = size(e.prop("_cols"), maxCol - base + 1, colLabels.size());

        List<GridBlock.Row> out = new ArrayList<>(rows);
        boolean hasRowLabels = !rowLabels.isEmpty();
        for (int r = 0; r < rows; r++) {
            List<Val> vals = new ArrayList<>(cols);
            for (int c = 0; c < cols; c++) {
                Entity cell = cells.get(((long) (r + base) << 32) | (c + base));
                vals.add(cell == null ? Val.EMPTY : cellValue(cell));
            }
            String label = hasRowLabels ? (r < rowLabels.size() ? rowLabels.get(r) : "") : null;
            out.add(new GridBlock.Row(label, vals));
        }
        List<String> colHeader = null;
        if (!colLabels.isEmpty()) {
            colHeader = new ArrayList<>(cols);
            for (int c = 0; c < cols; c++) {
                colHeader.add(c < colLabels.size() ? colLabels.get(c) : "");
            }
        }
        return new GridBlock(frame, colHeader, hasRowLabels, out);
    }

    private Val cellValue(Entity cell) {
        String key = firstKey(cell, CELL_KEYS);
        if (key == null) {
            for (String k : cell.props().keySet()) {
                if (visible(k)) {
                    key = k;
                    break;
                }
            }
        }
        return key == null ? (editor ? Values.val(cell.id(), "value", null, true) : Val.EMPTY)
                : val(cell.id(), key, cell.prop(key));
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

    // ---- shared pieces -----------------------------------------------------------------

    /**
     * The frame of a block: classes, heading from {@code titleKey}, the other visible props
     * (minus {@code used}) as fields, and relationship lines.
     */
    private Frame frame(Entity e, String kind, String titleKey, int level, Set<String> used) {
        Heading heading = titleKey == null ? null
                : new Heading(Math.min(level, 6), val(e.id(), titleKey, e.prop(titleKey)));
        List<Field> fields = null;
        for (Map.Entry<String, JsonNode> p : e.props().entrySet()) {
            String k = p.getKey();
            if (!visible(k) || k.equals(titleKey) || used.contains(k)) {
                continue;
            }
            if (fields == null) {
                fields = new ArrayList<>(e.props().size());
            }
            fields.add(new Field(label(k), val(e.id(), k, p.getValue())));
        }
        String style = Styles.classes(e.styles(), styleNames(e));
        String cls = style.isEmpty() ? kind : kind + style;
        return new Frame(id(e), cls, heading, fields == null ? List.of() : fields, rels(e));
    }

    private static int next(int level, Frame frame) {
        return frame.heading() == null ? level : level + 1;
    }

    private void addOutline(Block b) {
        Heading h = b.frame().heading();
        if (h != null && outline.size() < 8 && !h.text().text().isBlank()) {
            outline.add(h.text().text());
        }
    }

    private List<Rel> rels(Entity e) {
        List<Relationship> out = links(e.id());
        if (out.isEmpty()) {
            return List.of();
        }
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        for (Relationship l : out) {
            StringBuilder b = byType.computeIfAbsent(l.type(), t -> new StringBuilder());
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(name(snapshot.entity(l.to())));
        }
        List<Rel> rels = new ArrayList<>(byType.size());
        for (Map.Entry<String, StringBuilder> t : byType.entrySet()) {
            rels.add(new Rel(label(t.getKey()), t.getValue().toString()));
        }
        return rels;
    }

    private String relTargets(String from, String type) {
        StringBuilder b = new StringBuilder();
        for (Relationship l : links(from)) {
            if (l.type().equals(type)) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(name(snapshot.entity(l.to())));
            }
        }
        return b.toString();
    }

    /** Live links by source; links touching a removed or missing entity are not shown. */
    private List<Relationship> links(String from) {
        if (links == null) {
            List<Relationship> all = snapshot.relationships();
            if (all.isEmpty()) {
                links = Map.of();
            } else {
                links = new HashMap<>();
                for (Relationship l : all) {
                    if (l.from() == null || l.to() == null || l.type() == null) {
                        continue;
                    }
                    Entity a = snapshot.entity(l.from());
                    Entity b = snapshot.entity(l.to());
                    if (a != null && b != null && !a.removed() && !b.removed()) {
                        links.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
                    }
                }
            }
        }
        return links.getOrDefault(from, Collections.emptyList());
    }

    private static String name(Entity e) {
        for (String k : CARD_TITLE_KEYS) {
            JsonNode v = e.prop(k);
            if (present(v)) {
                String s = Values.plain(v);
                if (!s.isBlank()) {
                    return s;
                }
            }
        }
        return Values.humanize(e.id());
    }

    private Val val(String entity, String key, JsonNode v) {
        return Values.val(entity, key, v, editor, dates);
    }

    private String label(String key) {
        String l = labels.get(key);
        if (l == null) {
            l = Values.humanize(key);
            labels.put(key, l);
        }
        return l;
    }

    /** The entity id for editing attributes: null in the published form. */
    private String id(Entity e) {
        return editor ? e.id() : null;
    }

    private Entity firstLiveChild(Entity e) {
        for (String id : e.children()) {
            Entity c = snapshot.entity(id);
            if (c != null && !c.removed()) {
                return c;
            }
        }
        return null;
    }

    private static String firstKey(Entity e, List<String> keys) {
        for (String k : keys) {
            JsonNode v = e.prop(k);
            if (present(v) && !(v.isString() && v.stringValue().isBlank())) {
                return k;
            }
        }
        return null;
    }

    private static JsonNode styleNames(Entity e) {
        JsonNode v = e.prop("_styles");
        return v != null ? v : e.prop("styles");
    }

    /** Keys starting with {@code _} are hints; {@code styles} is a style hint too. */
    static boolean visible(String key) {
        return !key.isEmpty() && key.charAt(0) != '_' && !key.equals("styles");
    }

    private static int visibleCount(Map<String, JsonNode> props) {
        int n = 0;
        for (String k : props.keySet()) {
            if (visible(k)) {
                n++;
            }
        }
        return n;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !v.isMissingNode();
    }

    private static boolean bool(JsonNode v) {
        return v != null && v.isBoolean();
    }

    private static String word(JsonNode v) {
        if (v == null || !v.isString()) {
            return null;
        }
        String s = v.stringValue().strip();
        return s.isEmpty() ? null : s;
    }

    /** A hint naming keys: a list of strings or one comma-separated string. */
    private static List<String> strings(JsonNode v) {
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode x : v) {
                String s = word(x);
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (v.isString()) {
            for (String s : v.stringValue().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s.strip();
    }
}
