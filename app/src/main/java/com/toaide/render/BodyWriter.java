package com.toaide.render;

import com.toaide.render.view.Block;
import com.toaide.render.view.Body;
import com.toaide.render.view.CardBlock;
import com.toaide.render.view.ChecklistBlock;
import com.toaide.render.view.Field;
import com.toaide.render.view.GridBlock;
import com.toaide.render.view.Head;
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
import gg.jte.runtime.StringUtils;
import java.util.List;

/**
 * Writes the entity markup (a {@link Body} or one {@link Block}) straight into one
 * StringBuilder. It replaced the jte templates for the body: those wrote each tag, attribute
 * and value as a separate call through jte's context-tracking output, which was most of a
 * render's time. The markup is the templates' byte for byte, including jte's rules: an
 * attribute whose value is null is left out, text is escaped with {@link HtmlEscape#content}
 * and attribute values with {@link HtmlEscape#attribute}.
 *
 * <p>One writer per render; past {@link Renderer#MAX_PAGE_CHARS} it throws
 * {@link CappedOutput.TooLarge}.
 */
final class BodyWriter {
    final StringBuilder out;
    private final int cap;

    BodyWriter(int capacity, int cap) {
        this(new StringBuilder(Math.min(capacity, cap)), cap);
    }

    /** Appends to {@code out}, which may already hold the document's head: the cap counts it. */
    BodyWriter(StringBuilder out, int cap) {
        this.out = out;
        this.cap = cap;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    BodyWriter body(Body b) {
        out.append("<div");
        attr(" class=\"", b.cls());
        out.append('>');
        if (b.heading() != null) {
            heading(b.heading());
        }
        out.append('\n');
        for (Block x : b.blocks()) {
            block(x);
            out.append('\n');
        }
        empty(b.empty());
        out.append("</div>");
        checkCap();
        return this;
    }

    BodyWriter block(Block b) {
        if (b instanceof PageBlock p) {
            container("article", p.head(), p.children(), p.empty());
        } else if (b instanceof SectionBlock s) {
            container("section", s.head(), s.children(), s.empty());
        } else if (b instanceof CardBlock c) {
            open(c.head());
            head(c.head());
            children(c.children());
            out.append("</div>");
        } else if (b instanceof TableBlock t) {
            TableMarkup.table(this, t);
        } else if (b instanceof ChecklistBlock k) {
            ItemMarkup.checklist(this, k);
        } else if (b instanceof ListBlock l) {
            ItemMarkup.list(this, l);
        } else if (b instanceof MetricBlock m) {
            metric(m);
        } else if (b instanceof TextBlock x) {
            open(x.head());
            head(x.head());
            out.append("<p class=\"txt\"");
            editing(x.text());
            out.append('>');
            value(x.text());
            out.append("</p>");
            children(x.children());
            out.append("</div>");
        } else if (b instanceof ImageBlock i) {
            image(i);
        } else if (b instanceof GridBlock g) {
            TableMarkup.grid(this, g);
        }
        checkCap();
        return this;
    }

    private void container(String tag, Head head, List<Block> children, String empty) {
        out.append('<').append(tag);
        attr(" class=\"", head.cls());
        attr(" data-entity=\"", head.entity());
        out.append('>');
        head(head);
        out.append('\n');
        for (Block c : children) {
            block(c);
            out.append('\n');
        }
        empty(empty);
        out.append("</").append(tag).append('>');
    }

    /** The block's root {@code <div>} with its classes and entity. */
    void open(Head head) {
        out.append("<div");
        attr(" class=\"", head.cls());
        attr(" data-entity=\"", head.entity());
        out.append('>');
    }

    /** Children of a leaf-like block: each after a line break. */
    private void children(List<Block> children) {
        for (Block c : children) {
            out.append('\n');
            block(c);
        }
    }

    void empty(String empty) {
        if (empty != null) {
            out.append("<p class=\"empty\">");
            HtmlEscape.content(empty, out);
            out.append("</p>");
        }
    }

    void head(Head f) {
        if (f.heading() != null) {
            heading(f.heading());
        }
        if (!f.fields().isEmpty()) {
            out.append("<dl>");
            for (Field x : f.fields()) {
                out.append("<dt>");
                HtmlEscape.content(x.label(), out);
                out.append("</dt><dd");
                attr(" class=\"", x.value().cls());
                editing(x.value());
                out.append('>');
                value(x.value());
                out.append("</dd>");
            }
            out.append("</dl>");
        }
        for (Rel r : f.rels()) {
            rel("<p class=\"rel\"", r);
            out.append("</p>");
        }
    }

    private void heading(Heading h) {
        int level = h.level() >= 1 && h.level() <= 5 ? h.level() : 6;
        out.append("<h").append(level);
        editing(h.text());
        out.append('>');
        value(h.text());
        out.append("</h").append(level).append('>');
    }

    void rel(String open, Rel r) {
        out.append(open);
        attr(" data-entity=\"", r.entity());
        attr(" data-field=\"", r.type());
        attr(" data-type=\"", r.editType());
        out.append('>');
        HtmlEscape.content(r.label(), out);
        out.append(": ");
        HtmlEscape.content(r.targets(), out);
    }

    private void metric(MetricBlock b) {
        open(b.head());
        out.append("<span class=\"v\"");
        editing(b.value());
        out.append('>');
        value(b.value());
        out.append("</span>");
        if (b.label() != null) {
            out.append("<span class=\"l\"");
            editing(b.label());
            out.append('>');
            value(b.label());
            out.append("</span>");
        }
        head(b.head());
        children(b.children());
        out.append("</div>");
    }

    private void image(ImageBlock b) {
        open(b.head());
        head(b.head());
        if (b.src() != null || b.caption() != null) {
            out.append("<figure>");
            if (b.src() != null) {
                out.append("<img");
                attr(" src=\"", b.src().text());
                attr(" srcset=\"", b.srcset());
                attr(" sizes=\"", b.sizes());
                if (b.photo() != null) {
                    out.append(" width=\"").append(b.photo().width()).append("\" height=\"")
                            .append(b.photo().height()).append('"');
                }
                attr(" alt=\"", b.alt());
                out.append(" loading=\"lazy\" decoding=\"async\"");
                editing(b.src());
                out.append('>');
            }
            if (b.caption() != null) {
                out.append("<figcaption");
                editing(b.caption());
                out.append('>');
                value(b.caption());
                out.append("</figcaption>");
            }
            out.append("</figure>");
        }
        children(b.children());
        out.append("</div>");
    }

    /** One shown value: a link, a date, a check mark or plain text. */
    void value(Val v) {
        if (v.href() != null) {
            out.append("<a href=\"");
            // jte writes nothing for a javascript: link; ours are only ever http(s), kept equal anyway.
            if (!StringUtils.startsWithIgnoringCaseAndWhitespaces(v.href(), "javascript:")) {
                HtmlEscape.attribute(v.href(), out);
            }
            out.append("\" rel=\"nofollow ugc noopener\">");
            HtmlEscape.content(v.text(), out);
            out.append("</a>");
        } else if (v.datetime() != null) {
            out.append("<time datetime=\"");
            HtmlEscape.attribute(v.datetime(), out);
            out.append("\">");
            HtmlEscape.content(v.text(), out);
            out.append("</time>");
        } else if (v.yes()) {
            out.append("&#10003;");
        } else {
            HtmlEscape.content(v.text(), out);
        }
    }

    /** The editor's attributes; all null, so none written, on the published page. */
    void editing(Val v) {
        attr(" data-entity=\"", v.entity());
        attr(" data-field=\"", v.field());
        attr(" data-type=\"", v.type());
    }

    /** {@code start} is the space, name, equals sign and opening quote; null leaves it out. */
    void attr(String start, String value) {
        if (value != null) {
            out.append(start);
            HtmlEscape.attribute(value, out);
            out.append('"');
        }
    }

    void checkCap() {
        if (out.length() > cap) {
            throw new CappedOutput.TooLarge();
        }
    }
}
