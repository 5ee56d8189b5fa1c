package com.toaide.render;

import com.toaide.render.view.GridBlock;
import com.toaide.render.view.TableBlock;
import com.toaide.render.view.Val;
import java.util.List;

/** The two blocks drawn as an HTML table, tables and grids, written into a {@link BodyWriter}'s output. */
final class TableMarkup {
    private TableMarkup() {}

    static void table(BodyWriter w, TableBlock b) {
        w.open(b.head());
        w.head(b.head());
        if (b.groups().isEmpty()) {
            w.empty(b.empty());
        } else {
            w.out.append("<div class=\"tw\"><table>\n<thead><tr>");
            for (TableBlock.Column c : b.columns()) {
                w.out.append("<th scope=\"col\"");
                w.attr(" class=\"", c.cls());
                w.out.append('>');
                HtmlEscape.content(c.label(), w.out);
                w.out.append("</th>");
            }
            w.out.append("</tr></thead>\n");
            for (TableBlock.RowGroup g : b.groups()) {
                w.out.append("<tbody>");
                if (g.label() != null) {
                    w.out.append("<tr class=\"g\"><th scope=\"rowgroup\" colspan=\"").append(b.columns().size())
                            .append("\">");
                    HtmlEscape.content(g.label(), w.out);
                    w.out.append("</th></tr>");
                }
                w.out.append('\n');
                for (TableBlock.Row r : g.rows()) {
                    w.out.append("<tr");
                    w.attr(" class=\"", r.cls());
                    w.attr(" data-entity=\"", r.entity());
                    w.out.append("><th scope=\"row\"");
                    w.attr(" class=\"", r.head().cls());
                    w.editing(r.head());
                    w.out.append('>');
                    w.value(r.head());
                    w.out.append("</th>");
                    cells(w, r.cells());
                    w.out.append("</tr>\n");
                }
                w.out.append("</tbody>\n");
                w.checkCap();
            }
            w.out.append("</table></div>");
            if (b.note() != null) {
                w.out.append("<p class=\"note\">");
                HtmlEscape.content(b.note(), w.out);
                w.out.append("</p>");
            }
        }
        w.out.append("</div>");
    }

    private static void cells(BodyWriter w, List<Val> cells) {
        for (Val v : cells) {
            w.out.append("<td");
            w.attr(" class=\"", v.cls());
            w.editing(v);
            w.out.append('>');
            w.value(v);
            w.out.append("</td>");
        }
    }

    static void grid(BodyWriter w, GridBlock b) {
        w.open(b.head());
        w.head(b.head());
        w.out.append("<div class=\"tw\"><table class=\"cells\">\n");
        if (b.colLabels() != null) {
            w.out.append("<thead><tr>");
            if (b.rowLabels()) {
                w.out.append("<td></td>");
            }
            for (String c : b.colLabels()) {
                w.out.append("<th scope=\"col\">");
                HtmlEscape.content(c, w.out);
                w.out.append("</th>");
            }
            w.out.append("</tr></thead>\n");
        }
        w.out.append("<tbody>\n");
        for (GridBlock.Row r : b.rows()) {
            w.out.append("<tr>");
            if (b.rowLabels()) {
                w.out.append("<th scope=\"row\">");
                HtmlEscape.content(r.label(), w.out);
                w.out.append("</th>");
            }
            cells(w, r.cells());
            w.out.append("</tr>\n");
        }
        w.out.append("</tbody></table></div></div>");
    }
}
