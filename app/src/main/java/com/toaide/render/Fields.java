package com.toaide.render;

import static com.toaide.render.Props.visible;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Relationship;
import com.toaide.kernel.Snapshot;
import com.toaide.render.view.Field;
import com.toaide.render.view.Head;
import com.toaide.render.view.Heading;
import com.toaide.render.view.Rel;
import com.toaide.render.view.Val;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How one render shows an entity's props: as values (with the editing attributes in the
 * editor form, without them in the published one), labelled fields, relationship lines, and
 * the head every block starts with. One per render: it caches labels and formatted dates,
 * which pages repeat.
 */
final class Fields {

    final boolean editor;
    final LinkIndex links;
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> dates = new HashMap<>();

    Fields(Snapshot snapshot, boolean editor) {
        this.editor = editor;
        this.links = new LinkIndex(snapshot);
    }

    /**
     * The head of a block: classes, heading from {@code titleKey}, the other visible props
     * (minus {@code used}) as fields, and relationship lines.
     */
    Head head(Entity e, String kind, String titleKey, int level, Set<String> used) {
        return head(e, kind, titleKey, level, used, FieldOrder.ALL, Money.NONE);
    }

    /** A card's head: its fields in the order its hints give, money shown as money. */
    Head cardHead(Entity e, String titleKey, int level) {
        return head(e, "card", titleKey, level, Set.of(), FieldOrder.of(e), Money.of(e));
    }

    private Head head(Entity e, String kind, String titleKey, int level, Set<String> used, FieldOrder order, Money money) {
        Heading heading = titleKey == null ? null
                : new Heading(Math.min(level, 6), val(e.id(), titleKey, e.prop(titleKey)));
        List<Field> fields = null;
        if (order.shown() == null) {
            for (Map.Entry<String, JsonNode> p : e.props().entrySet()) {
                String k = p.getKey();
                if (visible(k) && !k.equals(titleKey) && !used.contains(k) && !order.hidden().contains(k)) {
                    fields = field(fields, e, k, p.getValue(), money);
                }
            }
        } else {
            for (String k : order.shown()) {
                JsonNode v = e.prop(k);
                if (v != null && visible(k) && !k.equals(titleKey) && !used.contains(k)) {
                    fields = field(fields, e, k, v, money);
                }
            }
        }
        String style = Styles.classes(e.styles(), Props.styleNames(e));
        String cls = style.isEmpty() ? kind : kind + style;
        return new Head(id(e), cls, heading, fields == null ? List.of() : fields, rels(e, order));
    }

    private List<Field> field(List<Field> fields, Entity e, String k, JsonNode v, Money money) {
        List<Field> out = fields == null ? new ArrayList<>(e.props().size()) : fields;
        out.add(new Field(label(k), val(e.id(), k, v, money)));
        return out;
    }

    /**
     * The visible props of an item other than {@code except} (and, for a checklist item,
     * {@code done} and {@code checked}), in the order its block's hints give, skipping ones that
     * show nothing. Two fixed parameters rather than varargs: this runs once per item, and the
     * array was a tenth of a checklist's allocation.
     */
    List<Val> secondary(Entity c, String except, boolean checklist, FieldOrder order, Money money) {
        List<Val> out = null;
        if (order.shown() == null) {
            for (Map.Entry<String, JsonNode> p : c.props().entrySet()) {
                String k = p.getKey();
                if (!order.hidden().contains(k)) {
                    out = secondary(out, c, k, p.getValue(), except, checklist, money);
                }
            }
        } else {
            for (String k : order.shown()) {
                JsonNode v = c.prop(k);
                if (v != null) {
                    out = secondary(out, c, k, v, except, checklist, money);
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private List<Val> secondary(List<Val> out, Entity c, String k, JsonNode value, String except, boolean checklist, Money money) {
        if (!visible(k) || k.equals(except) || checklist && (k.equals("done") || k.equals("checked"))) {
            return out;
        }
        Val v = val(c.id(), k, value, money);
        if (v.text().isEmpty() && !v.yes()) {
            return out;
        }
        v = new Val(v.text(), v.href(), v.datetime(), v.yes(), v.cls() == null ? "sec" : "sec " + v.cls(),
                v.entity(), v.field(), v.type());
        List<Val> list = out == null ? new ArrayList<>(4) : out;
        list.add(v);
        return list;
    }

    /** An entity's relationship lines: one per type its block shows, naming its targets. */
    List<Rel> rels(Entity e, FieldOrder order) {
        List<Relationship> out = links.from(e.id());
        if (out.isEmpty()) {
            return List.of();
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
        List<Rel> rels = new ArrayList<>(byType.size());
        for (Map.Entry<String, StringBuilder> t : byType.entrySet()) {
            rels.add(new Rel(label(t.getKey()), t.getValue().toString(), id(e), editor ? t.getKey() : null));
        }
        return rels;
    }

    Val val(String entity, String key, JsonNode v) {
        return Values.val(entity, key, v, editor, dates);
    }

    /** As {@link #val(String, String, JsonNode)}, a number in a money field shown as money. */
    Val val(String entity, String key, JsonNode v, Money money) {
        String amount = money.format(key, v);
        return amount == null ? val(entity, key, v)
                : new Val(amount, null, null, false, "num", editor ? entity : null, editor ? key : null, editor ? "number" : null);
    }

    String label(String key) {
        String l = labels.get(key);
        if (l == null) {
            l = Values.humanize(key);
            labels.put(key, l);
        }
        return l;
    }

    /** The entity id for editing attributes: null in the published form. */
    String id(Entity e) {
        return editor ? e.id() : null;
    }

    /** The classes of an item (a row, a list or checklist item) from its styles. */
    static String itemClasses(Entity e) {
        return Styles.classes(e.styles(), Props.styleNames(e));
    }

    /** The heading level below a block's: one deeper if the block has a heading. */
    static int next(int level, Head head) {
        return head.heading() == null ? level : level + 1;
    }
}
