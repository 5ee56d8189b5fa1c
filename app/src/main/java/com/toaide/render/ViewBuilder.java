package com.toaide.render;

import static com.toaide.render.Props.TITLE_KEYS;
import static com.toaide.render.Props.firstKey;
import static com.toaide.render.Props.present;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import com.toaide.render.view.Block;
import com.toaide.render.view.Body;
import com.toaide.render.view.CardBlock;
import com.toaide.render.view.Head;
import com.toaide.render.view.Heading;
import com.toaide.render.view.ImageBlock;
import com.toaide.render.view.MetricBlock;
import com.toaide.render.view.PageBlock;
import com.toaide.render.view.SectionBlock;
import com.toaide.render.view.TextBlock;
import com.toaide.render.view.Val;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Walks a snapshot and builds the view records BodyWriter prints:
 * containers and leaves here, tables, grids and lists by their layouts. One builder per
 * render: it remembers which entities it has placed, so a malformed snapshot (an id listed
 * twice, a cycle) still renders each entity at most once and terminates. Along the way it
 * notes the {@link PageFacts} the document head needs.
 */
final class ViewBuilder {

    /** Deeper than the kernel allows (12); only reached by hand-made snapshots. */
    static final int MAX_DEPTH = 32;
    // Placeholders the editor shows in an empty block; the published page leaves them out.
    static final String NO_ITEMS = "No items yet.";
    static final String NOTHING_YET = "Nothing here yet.";

    private final Snapshot snapshot;
    private final Fields fields;
    private final TableLayout tables;
    private final ListLayout lists;
    private final GridLayout grids;
    private final Set<String> placed;
    private Map<String, Block> recorded;

    private final PageImages images;
    private String firstImage;
    private boolean hasPhotos;
    private String firstText;
    private String lead;
    private String pageTitle;
    private final List<String> outline = new ArrayList<>();

    ViewBuilder(Snapshot snapshot, boolean editor) {
        this(snapshot, editor, PageImages.NONE);
    }

    ViewBuilder(Snapshot snapshot, boolean editor, PageImages images) {
        this.snapshot = snapshot;
        this.images = images;
        this.fields = new Fields(snapshot, editor);
        this.tables = new TableLayout(fields);
        this.lists = new ListLayout(fields);
        this.grids = new GridLayout(fields, snapshot);
        this.placed = new HashSet<>(Math.max(16, snapshot.entityCount() * 2));
    }

    /** The placeholder an empty block shows in the editor; none on the published page. */
    String placeholder(String text) {
        return fields.editor ? text : null;
    }

    /** Keep every block by entity id, for rendering one subtree. */
    ViewBuilder recording() {
        recorded = new HashMap<>();
        return this;
    }

    Block recorded(String id) {
        return recorded == null ? null : recorded.get(id);
    }

    /** What the walk noted about the page; complete once {@link #body()} has run. */
    PageFacts facts() {
        return new PageFacts(pageTitle, lead, firstText, firstImage, hasPhotos, List.copyOf(outline));
    }

    Body body() {
        List<Entity> roots = new ArrayList<>();
        boolean pageRoot = false;
        for (Entity e : snapshot.roots()) {
            if (!e.removed()) {
                roots.add(e);
                pageRoot |= DisplayRules.infer(snapshot, e) == Display.PAGE;
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
        return new Body(cls, h1, blocks, blocks.isEmpty() ? placeholder(NOTHING_YET) : null);
    }

    private Block build(Entity e, int level, int depth) {
        if (depth >= MAX_DEPTH || !placed.add(e.id())) {
            return null;
        }
        Block b = switch (DisplayRules.infer(snapshot, e)) {
            case PAGE -> page(e, level, depth);
            case SECTION -> section(e, level, depth);
            case CARD -> card(e, level, depth);
            case TABLE -> tables.table(e, head(e, "tbl", level), claim(e));
            case CHECKLIST -> lists.checklist(e, head(e, "chk", level), claim(e));
            case LIST -> lists.list(e, head(e, "lst", level), claim(e));
            case METRIC -> metric(e, level, depth);
            case TEXT -> text(e, level, depth);
            case IMAGE -> image(e, level, depth);
            case GRID -> grids.grid(e, head(e, "grid", level), claim(e));
        };
        if (!fields.editor && EmptyBlocks.showsNothing(b)) {
            return null;
        }
        if (recorded != null) {
            recorded.put(e.id(), b);
        }
        return b;
    }

    /** The head of a block titled by its title or name. */
    private Head head(Entity e, String kind, int level) {
        return fields.head(e, kind, firstKey(e, TITLE_KEYS), level, Set.of());
    }

    // ---- containers ------------------------------------------------------------------

    private PageBlock page(Entity e, int level, int depth) {
        String titleKey = firstKey(e, TITLE_KEYS);
        Head head = fields.head(e, "page", titleKey, level, Set.of());
        if (pageTitle == null && titleKey != null) {
            pageTitle = Values.plain(e.prop(titleKey));
        }
        String leadKey = firstKey(e, Props.LEAD_KEYS);
        if (lead == null && leadKey != null) {
            lead = Values.plain(e.prop(leadKey));
        }
        List<Block> children = children(e, Fields.next(level, head), depth);
        for (Block c : children) {
            addOutline(c);
        }
        return new PageBlock(head, children, children.isEmpty() ? placeholder(NOTHING_YET) : null);
    }

    private SectionBlock section(Entity e, int level, int depth) {
        Head head = head(e, "section", level);
        List<Block> children = children(e, Fields.next(level, head), depth);
        return new SectionBlock(head, children, children.isEmpty() ? placeholder(NO_ITEMS) : null);
    }

    private CardBlock card(Entity e, int level, int depth) {
        Head head = fields.cardHead(e, firstKey(e, Props.CARD_TITLE_KEYS), level);
        return new CardBlock(head, children(e, Fields.next(level, head), depth), null);
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

    // ---- leaves ------------------------------------------------------------------------

    private MetricBlock metric(Entity e, int level, int depth) {
        String valueKey = present(e.prop("value")) || !present(e.prop("count")) ? "value" : "count";
        String labelKey = firstKey(e, Props.METRIC_LABEL_KEYS);
        Set<String> used = labelKey == null ? Set.of(valueKey) : Set.of(valueKey, labelKey);
        Head head = fields.head(e, "metric", null, level, used);
        Val value = fields.val(e.id(), valueKey, e.prop(valueKey));
        Val label = labelKey == null ? null : fields.val(e.id(), labelKey, e.prop(labelKey));
        return new MetricBlock(head, value, label, children(e, level, depth));
    }

    private TextBlock text(Entity e, int level, int depth) {
        String key = firstKey(e, Props.TEXT_KEYS);
        if (key == null) {
            key = "text";
        }
        Head head = fields.head(e, "text", firstKey(e, TITLE_KEYS), level, Set.of(key));
        Val text = fields.val(e.id(), key, e.prop(key));
        if (firstText == null && !text.text().isBlank()) {
            firstText = text.text();
        }
        return new TextBlock(head, text, children(e, Fields.next(level, head), depth));
    }

    private ImageBlock image(Entity e, int level, int depth) {
        String srcKey = present(e.prop("src")) ? "src" : "url";
        Head head = fields.head(e, "img", firstKey(e, TITLE_KEYS), level, Props.IMAGE_KEYS);
        JsonNode s = e.prop(srcKey);
        String url = null;
        ImageBlock.Photo photo = null;
        if (s != null && s.isString()) {
            String uploaded = PageImages.idOf(s.stringValue());
            PageImages.Photo found = uploaded == null ? null : images.find(uploaded);
            if (found != null) {
                url = found.src();
                photo = new ImageBlock.Photo(found.srcset(), PageImages.SIZES, found.width(), found.height());
            } else if (Values.isWebUrl(s.stringValue())) {
                url = s.stringValue();
            }
        }
        Val src = null;
        if (url != null) {
            boolean editor = fields.editor;
            src = new Val(url, null, null, false, null, fields.id(e), editor ? srcKey : null, editor ? "string" : null);
            if (firstImage == null && url.regionMatches(true, 0, "https:", 0, 6)) {
                firstImage = url;
            }
            if (photo != null) {
                hasPhotos = true;
            }
        }
        String altKey = firstKey(e, Props.ALT_KEYS);
        String alt = altKey == null ? "" : Values.plain(e.prop(altKey));
        Val caption = present(e.prop("caption")) ? fields.val(e.id(), "caption", e.prop("caption")) : null;
        return new ImageBlock(head, src, alt, caption, photo, children(e, Fields.next(level, head), depth));
    }

    private void addOutline(Block b) {
        Heading h = b.head().heading();
        if (h != null && outline.size() < PageFacts.OUTLINE_MAX && !h.text().text().isBlank()) {
            outline.add(h.text().text());
        }
    }
}
