package com.toaide.render;

import static com.toaide.render.Props.visible;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How one render shows an entity's props, written straight to its {@link Markup}: values (with
 * the editing attributes in the editor form, without them in the published one), the head every
 * block starts with (heading, labelled fields, relationship lines) and the secondary values of
 * list items. One per render: it keeps the one {@link Val} every value is formatted into.
 */
final class Fields {

    /**
     * What a head wrote: the heading's text (null when there is none) and whether it shows
     * anything (a non-blank heading, a field or a relationship line).
     */
    record Head(String heading, boolean shows) {
        /** The heading level below the block's: one deeper if the block has a heading. */
        int next(int level) {
            return heading == null ? level : level + 1;
        }
    }

    final boolean editor;
    final LinkIndex links;
    final Markup m;
    private final Val shown = new Val();

    Fields(Snapshot snapshot, boolean editor, Markup m) {
        this.editor = editor;
        this.links = new LinkIndex(snapshot);
        this.m = m;
    }

    /** A value as shown, in the render's one {@link Val}: write it before asking for the next. */
    Val val(String entity, String key, JsonNode v) {
        return Values.fill(shown, entity, key, v, editor);
    }

    /** As {@link #val(String, String, JsonNode)}, a number in a money field shown as money. */
    Val val(String entity, String key, JsonNode v, Money money) {
        String amount = money.format(key, v);
        return amount == null ? val(entity, key, v)
                : shown.set(amount, null, null, false, "num", id(entity), editor ? key : null, editor ? "number" : null);
    }

    /** A value built by the caller (an image, a checkbox, an empty cell), in the same {@link Val}. */
    Val val(String text, String cls, String entity, String field, String type) {
        return shown.set(text, null, null, false, cls, entity, field, type);
    }

    /** The block's classes: its kind plus its style classes; never user text. */
    static String cls(Entity e, String kind) {
        String style = itemClasses(e);
        return style.isEmpty() ? kind : kind + style;
    }

    /** The head of a block titled by {@code titleKey}, all its other visible props (minus {@code used}) shown. */
    Head head(Entity e, String titleKey, int level, Set<String> used) {
        return head(e, titleKey, level, used, FieldOrder.ALL, Money.NONE);
    }

    /** A card's head: its fields in the order its hints give, money shown as money. */
    Head cardHead(Entity e, String titleKey, int level) {
        return head(e, titleKey, level, Set.of(), FieldOrder.of(e), Money.of(e));
    }

    /**
     * Writes a block's head: the heading from {@code titleKey}, the other visible props (minus
     * {@code used}) as a {@code <dl>} of fields, and relationship lines.
     */
    private Head head(Entity e, String titleKey, int level, Set<String> used, FieldOrder order, Money money) {
        String heading = null;
        if (titleKey != null) {
            Val v = val(e.id(), titleKey, e.prop(titleKey));
            heading = v.text;
            m.heading(Math.min(level, 6), v);
        }
        int start = m.length();
        if (order.shown() == null) {
            // forEach walks the map's own entries: no iterator or entry view per prop.
            e.props().forEach((k, v) -> {
                if (visible(k) && !k.equals(titleKey) && !used.contains(k) && !order.hidden().contains(k)) {
                    field(start, e, k, v, money);
                }
            });
        } else {
            for (String k : order.shown()) {
                JsonNode v = e.prop(k);
                if (v != null && visible(k) && !k.equals(titleKey) && !used.contains(k)) {
                    field(start, e, k, v, money);
                }
            }
        }
        boolean fields = m.length() > start;
        if (fields) {
            m.append("</dl>");
        }
        boolean rels = rels(e, order, "<p class=\"rel\"", "</p>");
        return new Head(heading, fields || rels || heading != null && !heading.isBlank());
    }

    /** One labelled field; the first one opens the {@code <dl>}. */
    private void field(int start, Entity e, String k, JsonNode v, Money money) {
        if (m.length() == start) {
            m.append("<dl>");
        }
        m.append("<dt>").text(label(k)).append("</dt>");
        m.styled("<dd", val(e.id(), k, v, money), "</dd>");
    }

    /**
     * Writes the visible props of an item other than {@code except} (and, for a checklist item,
     * {@code done} and {@code checked}) as secondary values, in the order its block's hints give,
     * skipping ones that show nothing; then its relationship lines.
     */
    void secondary(Entity c, String except, boolean checklist, FieldOrder order, Money money) {
        if (order.shown() == null) {
            c.props().forEach((k, v) -> {
                if (!order.hidden().contains(k)) {
                    secondary(c, k, v, except, checklist, money);
                }
            });
        } else {
            for (String k : order.shown()) {
                JsonNode v = c.prop(k);
                if (v != null) {
                    secondary(c, k, v, except, checklist, money);
                }
            }
        }
        rels(c, order, "<span class=\"sec\"", "</span>");
    }

    private void secondary(Entity c, String k, JsonNode value, String except, boolean checklist, Money money) {
        if (!visible(k) || k.equals(except) || checklist && (k.equals("done") || k.equals("checked"))) {
            return;
        }
        Val v = val(c.id(), k, value, money);
        if (v.text.isEmpty() && !v.yes) {
            return;
        }
        v.cls = v.cls == null ? "sec" : "sec " + v.cls;
        m.styled("<span", v, "</span>");
    }

    /**
     * Writes an entity's relationship lines, one per type its block shows, naming its targets:
     * {@code open}, the editing attributes, "Label: targets", {@code close}. True if it wrote any.
     */
    private boolean rels(Entity e, FieldOrder order, String open, String close) {
        List<Relationship> out = links.from(e.id());
        if (out.isEmpty()) {
            return false;
        }
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        for (Relationship l : out) {
            if (order != FieldOrder.ALL && !order.shows(l.type())) {
                continue;
            }
            StringBuilder b = byType.computeIfAbsent(l.type(), t -> new StringBuilder());
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(links.targetName(l));
        }
        for (Map.Entry<String, StringBuilder> t : byType.entrySet()) {
            m.append(open);
            m.attr(" data-entity=\"", id(e.id()));
            m.attr(" data-field=\"", editor ? t.getKey() : null);
            m.attr(" data-type=\"", editor ? Val.REL : null);
            m.append('>').text(label(t.getKey())).append(": ").text(t.getValue().toString()).append(close);
        }
        return !byType.isEmpty();
    }

    String label(String key) {
        return Values.label(key);
    }

    /** The entity id for editing attributes: null in the published form. */
    String id(String entity) {
        return editor ? entity : null;
    }

    /** The classes of an item (a row, a list or checklist item) from its styles, each after a space. */
    static String itemClasses(Entity e) {
        return Styles.classes(e.styles(), Props.styleNames(e));
    }
}
