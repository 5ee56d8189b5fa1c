package com.toaide.render;

import com.toaide.render.view.Block;
import com.toaide.render.view.CardBlock;
import com.toaide.render.view.ChecklistBlock;
import com.toaide.render.view.GridBlock;
import com.toaide.render.view.Head;
import com.toaide.render.view.ImageBlock;
import com.toaide.render.view.ListBlock;
import com.toaide.render.view.MetricBlock;
import com.toaide.render.view.PageBlock;
import com.toaide.render.view.SectionBlock;
import com.toaide.render.view.TableBlock;
import com.toaide.render.view.TextBlock;
import com.toaide.render.view.Val;

/**
 * Which blocks the published page leaves out: those that would show a visitor nothing but
 * scaffolding. The editor keeps them, with their placeholder, so there is somewhere to add to.
 */
final class EmptyBlocks {

    private EmptyBlocks() {}

    /**
     * A block with no title, no labelled fields, no relationship lines and nothing inside it:
     * no items, rows or children, no text, value or picture. A titled block stays (its title is
     * what the owner wrote), without the editor's placeholder under it.
     */
    static boolean showsNothing(Block b) {
        Head head = b.head();
        if (!head.fields().isEmpty() || !head.rels().isEmpty()
                || head.heading() != null && !head.heading().text().text().isBlank()) {
            return false;
        }
        if (b instanceof SectionBlock s) {
            return s.children().isEmpty();
        }
        if (b instanceof TableBlock t) {
            return t.groups().isEmpty();
        }
        if (b instanceof ChecklistBlock c) {
            return c.items().isEmpty();
        }
        if (b instanceof ListBlock l) {
            return l.items().isEmpty();
        }
        if (b instanceof GridBlock g) {
            return g.rows().isEmpty();
        }
        if (b instanceof CardBlock c) {
            return c.children().isEmpty();
        }
        if (b instanceof PageBlock p) {
            return p.children().isEmpty();
        }
        if (b instanceof TextBlock t) {
            return blank(t.text()) && t.children().isEmpty();
        }
        if (b instanceof ImageBlock i) {
            return i.src() == null && i.caption() == null && i.children().isEmpty();
        }
        MetricBlock m = (MetricBlock) b;
        return blank(m.value()) && m.label() == null && m.children().isEmpty();
    }

    private static boolean blank(Val v) {
        return v == null || v.text().isBlank() && !v.yes();
    }
}
