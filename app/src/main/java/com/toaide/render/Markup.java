package com.toaide.render;

import gg.jte.runtime.StringUtils;

/**
 * The output of one render and the few ways anything is written to it: escaped text, attributes
 * and shown values. The markup is what the jte templates of earlier versions wrote, byte for
 * byte, including jte's rules: an attribute whose value is null is left out, text is escaped
 * with {@link HtmlEscape#content} and attribute values with {@link HtmlEscape#attribute}.
 *
 * <p>Past {@link Renderer#MAX_PAGE_CHARS} it throws {@link CappedOutput.TooLarge}, or, when
 * asked to {@link #keepGoing()}, drops what it holds and only notes that the page was too
 * large, so the walk still learns the page's facts.
 */
final class Markup {
    final StringBuilder out;
    private final int cap;
    private boolean keepGoing;
    private boolean tooLarge;

    /** Writes into {@code out}, which the caller owns. */
    Markup(StringBuilder out, int cap) {
        this.out = out;
        this.cap = cap;
    }

    /** Past the cap, empty the buffer and carry on instead of throwing. */
    Markup keepGoing() {
        keepGoing = true;
        return this;
    }

    /** Whether the output went past the cap (only with {@link #keepGoing()}). */
    boolean tooLarge() {
        return tooLarge;
    }

    Markup append(String s) {
        out.append(s);
        return this;
    }

    Markup append(char c) {
        out.append(c);
        return this;
    }

    Markup append(int i) {
        out.append(i);
        return this;
    }

    /** Text between tags, escaped. */
    Markup text(String s) {
        HtmlEscape.content(s, out);
        return this;
    }

    int length() {
        return out.length();
    }

    /** Takes back what was written since {@code mark} (a block the published page leaves out). */
    void rollBack(int mark) {
        // After a drop past the cap the buffer may be shorter than the mark; it is discarded anyway.
        if (mark <= out.length()) {
            out.setLength(mark);
        }
    }

    /** {@code start} is the space, name, equals sign and opening quote; null leaves it out. */
    void attr(String start, String value) {
        if (value != null) {
            out.append(start);
            HtmlEscape.attribute(value, out);
            out.append('"');
        }
    }

    /** The root element of a block: its tag with classes and, in the editor, its entity. */
    void open(String tag, String cls, String entity) {
        out.append('<').append(tag);
        attr(" class=\"", cls);
        attr(" data-entity=\"", entity);
        out.append('>');
    }

    /** The editor's attributes; all null, so none written, on the published page. */
    void editing(Val v) {
        attr(" data-entity=\"", v.entity);
        attr(" data-field=\"", v.field);
        attr(" data-type=\"", v.type);
    }

    /**
     * An element holding one value, {@code <tag editing>value</tag>}: {@code open} is
     * {@code "<tag"} plus any fixed attributes, {@code close} the end tag.
     */
    void element(String open, Val v, String close) {
        out.append(open);
        editing(v);
        out.append('>');
        value(v);
        out.append(close);
    }

    /** As {@link #element}, with the value's own class (a cell, a field, a secondary value). */
    void styled(String open, Val v, String close) {
        out.append(open);
        attr(" class=\"", v.cls);
        editing(v);
        out.append('>');
        value(v);
        out.append(close);
    }

    /** One shown value: a link, a date, a check mark or plain text. */
    void value(Val v) {
        if (v.href != null) {
            out.append("<a href=\"");
            // jte writes nothing for a javascript: link; ours are only ever http(s), kept equal anyway.
            if (!StringUtils.startsWithIgnoringCaseAndWhitespaces(v.href, "javascript:")) {
                HtmlEscape.attribute(v.href, out);
            }
            out.append("\" rel=\"nofollow ugc noopener\">");
            HtmlEscape.content(v.text, out);
            out.append("</a>");
        } else if (v.datetime != null) {
            out.append("<time datetime=\"");
            HtmlEscape.attribute(v.datetime, out);
            out.append("\">");
            HtmlEscape.content(v.text, out);
            out.append("</time>");
        } else if (v.yes) {
            out.append("&#10003;");
        } else {
            HtmlEscape.content(v.text, out);
        }
    }

    /** A heading at {@code level} (1 to 5, anything else as 6). */
    void heading(int level, Val v) {
        int n = level >= 1 && level <= 5 ? level : 6;
        out.append("<h").append(n);
        editing(v);
        out.append('>');
        value(v);
        out.append("</h").append(n).append('>');
    }

    /** The empty-state line; null writes nothing. */
    void empty(String empty) {
        if (empty != null) {
            out.append("<p class=\"empty\">");
            HtmlEscape.content(empty, out);
            out.append("</p>");
        }
    }

    void checkCap() {
        if (out.length() > cap) {
            if (!keepGoing) {
                throw new CappedOutput.TooLarge();
            }
            tooLarge = true;
            out.setLength(0);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
