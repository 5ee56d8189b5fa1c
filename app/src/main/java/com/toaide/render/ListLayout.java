package com.toaide.render;

import static com.toaide.render.Props.bool;

import com.toaide.kernel.Entity;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Writes checklists and lists: one item per child, its label or primary prop first, the rest
 * as secondary text in the order the block's hints give ({@link FieldOrder}).
 */
final class ListLayout {

    private final Fields fields;
    private final Markup m;

    ListLayout(Fields fields) {
        this.fields = fields;
        this.m = fields.m;
    }

    /** Writes the items and the "2 of 5 done" line after the head; false when there are none. */
    boolean checklist(Entity block, List<Entity> children) {
        if (children.isEmpty()) {
            m.empty(fields.editor ? PageWriter.NO_ITEMS : null);
            return false;
        }
        m.append("<ul class=\"cl\">\n");
        FieldOrder order = FieldOrder.of(block);
        Money money = Money.of(block);
        int done = 0;
        boolean editor = fields.editor;
        for (Entity c : children) {
            String doneKey = bool(c.prop("done")) || !bool(c.prop("checked")) && !c.props().containsKey("checked")
                    ? "done" : "checked";
            JsonNode d = c.prop(doneKey);
            boolean isDone = d != null && d.isBoolean() && d.booleanValue();
            if (isDone) {
                done++;
            }
            String style = Fields.itemClasses(c);
            String cls = style.isEmpty() ? (isDone ? "done" : null)
                    : Props.nonEmpty(((isDone ? "done" : "") + style).strip());
            m.append("<li");
            m.attr(" class=\"", cls);
            m.attr(" data-entity=\"", fields.id(c.id()));
            m.append("><label><input type=\"checkbox\" disabled");
            if (isDone) {
                m.append(" checked");
            }
            m.editing(fields.val("", null, fields.id(c.id()), editor ? doneKey : null, editor ? "boolean" : null));
            String labelKey = Props.firstKey(c, Props.ITEM_LABEL_KEYS);
            Val label = labelKey == null ? fields.val(c.id(), "task", null) : fields.val(c.id(), labelKey, c.prop(labelKey));
            m.element("> <span", label, "</span></label>");
            fields.secondary(c, labelKey, true, order, money);
            m.append("</li>\n");
        }
        m.append("</ul>\n<p class=\"sum\">").append(done).append(" of ").append(children.size()).append(" done</p>");
        return true;
    }

    /** Writes the items after the head; false when there are none. */
    boolean list(Entity block, List<Entity> children) {
        if (children.isEmpty()) {
            m.empty(fields.editor ? PageWriter.NO_ITEMS : null);
            return false;
        }
        m.append("<ul class=\"ls\">\n");
        FieldOrder order = FieldOrder.of(block);
        Money money = Money.of(block);
        for (Entity c : children) {
            m.append("<li");
            m.attr(" class=\"", Props.nonEmpty(Fields.itemClasses(c).strip()));
            m.attr(" data-entity=\"", fields.id(c.id()));
            String key = Props.firstKeyOrVisible(c, Props.LIST_PRIMARY_KEYS);
            Val primary = key == null ? fields.val(c.id(), "name", null) : fields.val(c.id(), key, c.prop(key), money);
            m.element("><span class=\"p\"", primary, "</span>");
            fields.secondary(c, key, false, order, money);
            m.append("</li>\n");
        }
        m.append("</ul>");
        return true;
    }
}
