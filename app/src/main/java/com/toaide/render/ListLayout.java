package com.toaide.render;

import static com.toaide.render.Props.bool;

import com.toaide.kernel.Entity;
import com.toaide.render.view.ChecklistBlock;
import com.toaide.render.view.Head;
import com.toaide.render.view.ListBlock;
import com.toaide.render.view.Val;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checklists and lists: one item per child, its label or primary prop first, the rest as
 * secondary text in the order the block's hints give ({@link FieldOrder}).
 */
final class ListLayout {

    private final Fields fields;

    ListLayout(Fields fields) {
        this.fields = fields;
    }

    ChecklistBlock checklist(Entity block, Head head, List<Entity> children) {
        if (children.isEmpty()) {
            return new ChecklistBlock(head, List.of(), null, fields.editor ? ViewBuilder.NO_ITEMS : null);
        }
        List<ChecklistBlock.Item> items = new ArrayList<>(children.size());
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
            String labelKey = Props.firstKey(c, Props.ITEM_LABEL_KEYS);
            Val label = labelKey == null ? fields.val(c.id(), "task", null)
                    : fields.val(c.id(), labelKey, c.prop(labelKey));
            Val check = new Val("", null, null, isDone, null, fields.id(c), editor ? doneKey : null,
                    editor ? "boolean" : null);
            List<Val> secondary = fields.secondary(c, labelKey, true, order, money);
            String style = Fields.itemClasses(c);
            String cls = style.isEmpty() ? (isDone ? "done" : null)
                    : Props.nonEmpty(((isDone ? "done" : "") + style).strip());
            items.add(new ChecklistBlock.Item(fields.id(c), cls, isDone, check, label, secondary, fields.rels(c, order)));
        }
        return new ChecklistBlock(head, items, done + " of " + items.size() + " done", null);
    }

    ListBlock list(Entity block, Head head, List<Entity> children) {
        if (children.isEmpty()) {
            return new ListBlock(head, List.of(), fields.editor ? ViewBuilder.NO_ITEMS : null);
        }
        List<ListBlock.Item> items = new ArrayList<>(children.size());
        FieldOrder order = FieldOrder.of(block);
        Money money = Money.of(block);
        for (Entity c : children) {
            String key = Props.firstKeyOrVisible(c, Props.LIST_PRIMARY_KEYS);
            Val primary = key == null ? fields.val(c.id(), "name", null) : fields.val(c.id(), key, c.prop(key), money);
            String cls = Fields.itemClasses(c);
            items.add(new ListBlock.Item(fields.id(c), Props.nonEmpty(cls.strip()), primary,
                    fields.secondary(c, key, false, order, money), fields.rels(c, order)));
        }
        return new ListBlock(head, items, null);
    }
}
