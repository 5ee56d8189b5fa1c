package com.toaide.render;

import com.toaide.render.view.ChecklistBlock;
import com.toaide.render.view.ListBlock;
import com.toaide.render.view.Rel;
import com.toaide.render.view.Val;
import java.util.List;

/** The two blocks drawn as a list of items, checklists and lists, written into a {@link BodyWriter}'s output. */
final class ItemMarkup {
    private ItemMarkup() {}

    static void checklist(BodyWriter w, ChecklistBlock b) {
        w.open(b.head());
        w.head(b.head());
        if (b.items().isEmpty()) {
            w.empty(b.empty());
        } else {
            w.out.append("<ul class=\"cl\">\n");
            for (ChecklistBlock.Item i : b.items()) {
                w.out.append("<li");
                w.attr(" class=\"", i.cls());
                w.attr(" data-entity=\"", i.entity());
                w.out.append("><label><input type=\"checkbox\" disabled");
                if (i.done()) {
                    w.out.append(" checked");
                }
                w.editing(i.check());
                w.out.append("> <span");
                w.editing(i.label());
                w.out.append('>');
                w.value(i.label());
                w.out.append("</span></label>");
                secondary(w, i.secondary(), i.rels());
                w.out.append("</li>\n");
            }
            w.out.append("</ul>\n<p class=\"sum\">");
            HtmlEscape.content(b.summary(), w.out);
            w.out.append("</p>");
        }
        w.out.append("</div>");
    }

    static void list(BodyWriter w, ListBlock b) {
        w.open(b.head());
        w.head(b.head());
        if (b.items().isEmpty()) {
            w.empty(b.empty());
        } else {
            w.out.append("<ul class=\"ls\">\n");
            for (ListBlock.Item i : b.items()) {
                w.out.append("<li");
                w.attr(" class=\"", i.cls());
                w.attr(" data-entity=\"", i.entity());
                w.out.append("><span class=\"p\"");
                w.editing(i.primary());
                w.out.append('>');
                w.value(i.primary());
                w.out.append("</span>");
                secondary(w, i.secondary(), i.rels());
                w.out.append("</li>\n");
            }
            w.out.append("</ul>");
        }
        w.out.append("</div>");
    }

    private static void secondary(BodyWriter w, List<Val> secondary, List<Rel> rels) {
        for (Val s : secondary) {
            w.out.append("<span");
            w.attr(" class=\"", s.cls());
            w.editing(s);
            w.out.append('>');
            w.value(s);
            w.out.append("</span>");
        }
        for (Rel r : rels) {
            w.rel("<span class=\"sec\"", r);
            w.out.append("</span>");
        }
    }
}
