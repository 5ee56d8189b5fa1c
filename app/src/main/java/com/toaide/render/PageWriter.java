package com.toaide.render;

import static com.toaide.render.Props.TITLE_KEYS;
import static com.toaide.render.Props.firstKey;
import static com.toaide.render.Props.present;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Walks a snapshot once and writes the entity markup straight to a {@link Markup}: containers
 * and leaves here, tables, grids and lists by their layouts, every value read from its prop as
 * it is written (no view records in between). The editor body, the published body, the body of
 * the published document and live-patch fragments are all written here.
 *
 * <p>One writer per render. It remembers which entities it has placed, so a malformed snapshot
 * (an id listed twice, a cycle) still shows each entity at most once and terminates. The
 * published page leaves out a block that would show a visitor nothing: the block is written,
 * then taken back. Along the way the writer notes the {@link PageFacts} the document head needs.
 */
final class PageWriter {

    /** Deeper than the kernel allows (12); only reached by hand-made snapshots. */
    static final int MAX_DEPTH = 32;
    // Placeholders the editor shows in an empty block; the published page leaves them out.
    static final String NO_ITEMS = "No items yet.";
    static final String NOTHING_YET = "Nothing here yet.";

    private final Snapshot snapshot;
    private final boolean editor;
    private final Markup m;
    private final Fields fields;
    private final TableLayout tables;
    private final ListLayout lists;
    private final GridLayout grids;
    private final IdSet placed;
    private final PageImages images;

    /** The heading text of the block {@link #build} wrote last; null when it has none. */
    private String heading;
    private int blocks;

    private String firstImage;
    private boolean hasPhotos;
    private String firstText;
    private String lead;
    private String pageTitle;
    private final List<String> outline = new ArrayList<>();

    /** For a fragment: the entity asked for and its ancestors, nearest first; else null. */
    private List<String> wanted;
    private int found = Integer.MAX_VALUE;
    private String fragment;

    PageWriter(Snapshot snapshot, boolean editor, PageImages images, Markup m) {
        this.snapshot = snapshot;
        this.editor = editor;
        this.images = images;
        this.m = m;
        this.fields = new Fields(snapshot, editor, m);
        this.tables = new TableLayout(fields);
        this.lists = new ListLayout(fields);
        this.grids = new GridLayout(fields, snapshot);
        this.placed = new IdSet(snapshot.entityCount());
    }

    /** The markup of a page that shows only {@code message}, as a too-large page does. */
    static String message(String message) {
        Markup m = new Markup(new StringBuilder(256), Renderer.MAX_PAGE_CHARS);
        m.append("<div class=\"aide\">\n");
        m.empty(message);
        m.append("</div>");
        return m.toString();
    }

    /** What the walk noted about the page; complete once {@link #body()} has run. */
    PageFacts facts() {
        return new PageFacts(pageTitle, lead, firstText, firstImage, hasPhotos, List.copyOf(outline));
    }

    /** Top-level blocks written: none means the page shows nothing. */
    int blocks() {
        return blocks;
    }

    /**
     * The block that shows the first of {@code ids} (an entity, then its ancestors) that has
     * one, or null. Stops writing as soon as the first id's block is done.
     */
    Renderer.Fragment fragment(List<String> ids) {
        wanted = ids;
        try {
            body();
        } catch (Found done) {
            // The nearest block is written: nothing later can change it.
        } catch (CappedOutput.TooLarge tooLarge) {
            // The page is past the cap; an ancestor's block written before then is still whole.
        }
        return fragment == null ? null : new Renderer.Fragment(wanted.get(found), fragment);
    }

    /** Writes the page: its top-level blocks inside {@code <div class="aide">}. */
    void body() {
        List<Entity> roots = new ArrayList<>();
        boolean pageRoot = false;
        for (Entity e : snapshot.roots()) {
            if (!e.removed()) {
                roots.add(e);
                pageRoot |= DisplayRules.infer(snapshot, e) == Display.PAGE;
            }
        }
        m.append("<div");
        m.attr(" class=\"", "aide" + Styles.global(snapshot.globalStyles()));
        m.append('>');
        int level = 1;
        String metaTitle = snapshot.title();
        if (!pageRoot && metaTitle != null && !metaTitle.isBlank()) {
            m.heading(1, fields.val(metaTitle, null, null, null, null));
            pageTitle = metaTitle;
            level = 2;
        }
        m.append('\n');
        for (Entity e : roots) {
            if (build(e, level, 0)) {
                m.append('\n');
                blocks++;
                if (!pageRoot) {
                    addOutline(heading);
                }
            }
        }
        m.empty(blocks == 0 ? placeholder(NOTHING_YET) : null);
        m.append("</div>");
        m.checkCap();
    }

    /** Writes one entity's block; false when it wrote nothing (placed already, too deep, or showing nothing). */
    private boolean build(Entity e, int level, int depth) {
        if (depth >= MAX_DEPTH || !placed.add(e.id())) {
            return false;
        }
        int start = m.length();
        boolean shows = switch (DisplayRules.infer(snapshot, e)) {
            case PAGE -> page(e, level, depth);
            case SECTION -> section(e, level, depth);
            case CARD -> card(e, level, depth);
            case TABLE -> laidOut(e, "tbl", level, rows -> tables.table(e, rows));
            case CHECKLIST -> laidOut(e, "chk", level, items -> lists.checklist(e, items));
            case LIST -> laidOut(e, "lst", level, items -> lists.list(e, items));
            case METRIC -> metric(e, level, depth);
            case TEXT -> text(e, level, depth);
            case IMAGE -> image(e, level, depth);
            case GRID -> laidOut(e, "grid", level, cells -> grids.grid(e, cells));
        };
        if (!editor && !shows) {
            m.rollBack(start);
            return false;
        }
        m.checkCap();
        if (wanted != null) {
            record(e.id(), start);
        }
        return true;
    }

    /**
     * A block whose children are its rows, items or cells: its root element and head (titled by
     * its title or name), then what {@code layout} writes of the children it claims. True if the
     * head or the layout shows something.
     */
    private boolean laidOut(Entity e, String kind, int level, Predicate<List<Entity>> layout) {
        m.open("div", Fields.cls(e, kind), fields.id(e.id()));
        Fields.Head head = fields.head(e, firstKey(e, TITLE_KEYS), level, Set.of());
        boolean shows = layout.test(claim(e));
        m.append("</div>");
        heading = head.heading();
        return head.shows() || shows;
    }

    private void record(String id, int start) {
        int i = wanted.indexOf(id);
        if (i >= 0 && i < found) {
            found = i;
            fragment = m.out.substring(start);
            if (i == 0) {
                throw new Found();
            }
        }
    }

    /** Ends the walk for a fragment once the entity's own block is written. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /** The placeholder an empty block shows in the editor; none on the published page. */
    private String placeholder(String text) {
        return editor ? text : null;
    }

    // ---- containers ------------------------------------------------------------------

    private boolean page(Entity e, int level, int depth) {
        String titleKey = firstKey(e, TITLE_KEYS);
        m.open("article", Fields.cls(e, "page"), fields.id(e.id()));
        Fields.Head head = fields.head(e, titleKey, level, Set.of());
        if (pageTitle == null && titleKey != null) {
            pageTitle = Values.plain(e.prop(titleKey));
        }
        String leadKey = firstKey(e, Props.LEAD_KEYS);
        if (lead == null && leadKey != null) {
            lead = Values.plain(e.prop(leadKey));
        }
        // The page's blocks go into the outline after all of them, as they did when they were built first.
        List<String> headings = new ArrayList<>();
        int n = blocks(e, head.next(level), depth, headings);
        for (String h : headings) {
            addOutline(h);
        }
        m.empty(n == 0 ? placeholder(NOTHING_YET) : null);
        m.append("</article>");
        heading = head.heading();
        return head.shows() || n > 0;
    }

    private boolean section(Entity e, int level, int depth) {
        m.open("section", Fields.cls(e, "section"), fields.id(e.id()));
        Fields.Head head = fields.head(e, firstKey(e, TITLE_KEYS), level, Set.of());
        int n = blocks(e, head.next(level), depth, null);
        m.empty(n == 0 ? placeholder(NO_ITEMS) : null);
        m.append("</section>");
        heading = head.heading();
        return head.shows() || n > 0;
    }

    private boolean card(Entity e, int level, int depth) {
        m.open("div", Fields.cls(e, "card"), fields.id(e.id()));
        Fields.Head head = fields.cardHead(e, firstKey(e, Props.CARD_TITLE_KEYS), level);
        int n = children(e, head.next(level), depth);
        m.append("</div>");
        heading = head.heading();
        return head.shows() || n > 0;
    }

    /** A container's children: a line break after each; their headings into {@code headings} if given. */
    private int blocks(Entity e, int level, int depth, List<String> headings) {
        m.append('\n');
        int n = 0;
        List<String> ids = e.children();
        for (int i = 0; i < ids.size(); i++) {
            Entity c = snapshot.entity(ids.get(i));
            if (c != null && !c.removed() && build(c, level, depth + 1)) {
                m.append('\n');
                n++;
                if (headings != null) {
                    headings.add(heading);
                }
            }
        }
        return n;
    }

    /** Children of a leaf-like block: a line break before each. */
    private int children(Entity e, int level, int depth) {
        int n = 0;
        List<String> ids = e.children();
        for (int i = 0; i < ids.size(); i++) {
            Entity c = snapshot.entity(ids.get(i));
            if (c != null && !c.removed()) {
                int mark = m.length();
                m.append('\n');
                if (build(c, level, depth + 1)) {
                    n++;
                } else {
                    m.rollBack(mark);
                }
            }
        }
        return n;
    }

    /** Live children not placed elsewhere yet, claimed as rows, items or cells of {@code e}. */
    private List<Entity> claim(Entity e) {
        List<String> ids = e.children();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Entity c = snapshot.entity(id);
            if (c != null && !c.removed() && placed.add(id)) {
                out.add(c);
            }
        }
        return out;
    }

    // ---- leaves ------------------------------------------------------------------------

    private boolean metric(Entity e, int level, int depth) {
        String valueKey = present(e.prop("value")) || !present(e.prop("count")) ? "value" : "count";
        String labelKey = firstKey(e, Props.METRIC_LABEL_KEYS);
        Set<String> used = labelKey == null ? Set.of(valueKey) : Set.of(valueKey, labelKey);
        m.open("div", Fields.cls(e, "metric"), fields.id(e.id()));
        Val value = fields.val(e.id(), valueKey, e.prop(valueKey));
        boolean shows = !value.blank() || labelKey != null;
        m.element("<span class=\"v\"", value, "</span>");
        if (labelKey != null) {
            m.element("<span class=\"l\"", fields.val(e.id(), labelKey, e.prop(labelKey)), "</span>");
        }
        Fields.Head head = fields.head(e, null, level, used);
        int n = children(e, level, depth);
        m.append("</div>");
        heading = null;
        return shows || head.shows() || n > 0;
    }

    private boolean text(Entity e, int level, int depth) {
        String key = firstKey(e, Props.TEXT_KEYS);
        if (key == null) {
            key = "text";
        }
        m.open("div", Fields.cls(e, "text"), fields.id(e.id()));
        Fields.Head head = fields.head(e, firstKey(e, TITLE_KEYS), level, Set.of(key));
        Val text = fields.val(e.id(), key, e.prop(key));
        boolean shows = !text.blank();
        if (firstText == null && !text.text.isBlank()) {
            firstText = text.text;
        }
        m.element("<p class=\"txt\"", text, "</p>");
        int n = children(e, head.next(level), depth);
        m.append("</div>");
        heading = head.heading();
        return shows || head.shows() || n > 0;
    }

    private boolean image(Entity e, int level, int depth) {
        String srcKey = present(e.prop("src")) ? "src" : "url";
        m.open("div", Fields.cls(e, "img"), fields.id(e.id()));
        Fields.Head head = fields.head(e, firstKey(e, TITLE_KEYS), level, Props.IMAGE_KEYS);
        JsonNode s = e.prop(srcKey);
        String url = null;
        PageImages.Photo photo = null;
        if (s != null && s.isString()) {
            String uploaded = PageImages.idOf(s.stringValue());
            PageImages.Photo found = uploaded == null ? null : images.find(uploaded);
            if (found != null) {
                url = found.src();
                photo = found;
            } else if (Values.isWebUrl(s.stringValue())) {
                url = s.stringValue();
            }
        }
        if (url != null) {
            if (firstImage == null && url.regionMatches(true, 0, "https:", 0, 6)) {
                firstImage = url;
            }
            if (photo != null) {
                hasPhotos = true;
            }
        }
        boolean caption = present(e.prop("caption"));
        if (url != null || caption) {
            m.append("<figure>");
            if (url != null) {
                img(e, srcKey, url, photo);
            }
            if (caption) {
                m.element("<figcaption", fields.val(e.id(), "caption", e.prop("caption")), "</figcaption>");
            }
            m.append("</figure>");
        }
        int n = children(e, head.next(level), depth);
        m.append("</div>");
        heading = head.heading();
        return url != null || caption || head.shows() || n > 0;
    }

    /** The {@code <img>}; an uploaded photo with its sizes, so the browser picks one and keeps the layout steady. */
    private void img(Entity e, String srcKey, String url, PageImages.Photo photo) {
        m.append("<img");
        m.attr(" src=\"", url);
        if (photo != null) {
            m.attr(" srcset=\"", photo.srcset());
            m.attr(" sizes=\"", PageImages.SIZES);
            m.append(" width=\"").append(photo.width()).append("\" height=\"").append(photo.height()).append('"');
        }
        String altKey = firstKey(e, Props.ALT_KEYS);
        m.attr(" alt=\"", altKey == null ? "" : Values.plain(e.prop(altKey)));
        m.append(" loading=\"lazy\" decoding=\"async\"");
        m.editing(fields.val(url, null, fields.id(e.id()), editor ? srcKey : null, editor ? "string" : null));
        m.append('>');
    }

    private void addOutline(String h) {
        if (h != null && outline.size() < PageFacts.OUTLINE_MAX && !h.isBlank()) {
            outline.add(h);
        }
    }
}
