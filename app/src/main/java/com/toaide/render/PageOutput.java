package com.toaide.render;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's OWASP output with a faster path for the common case: a value in a tag body or in a
 * plain attribute that holds none of the characters escaping would change goes out as it is.
 * {@link String#indexOf(int)} checks for each such character in a vectorised scan, where
 * jte's escaper reads the value one character at a time through a switch.
 *
 * <p>Everything else, and every context with its own rules ({@code <script>}, {@code on*}
 * handlers, {@code <a href>}'s {@code javascript:} check), goes to jte's own escaping
 * unchanged, so the bytes are the same as with {@link OwaspHtmlTemplateOutput} alone.
 */
final class PageOutput extends OwaspHtmlTemplateOutput {
    private final TemplateOutput out;
    private String tag;
    private String attribute;

    PageOutput(TemplateOutput out) {
        super(out);
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        tag = tagName;
        attribute = attributeName;
    }

    @Override
    public void writeUserContent(String value) {
        if (value != null && (attribute == null ? plainText(value) : plainAttribute(value))) {
            out.writeContent(value);
        } else {
            super.writeUserContent(value);
        }
    }

    /** Text jte's {@code Escape.htmlContent} would leave as it is, outside {@code <script>}. */
    private boolean plainText(String value) {
        return !"script".equals(tag)
                && value.indexOf('<') < 0 && value.indexOf('>') < 0 && value.indexOf('&') < 0;
    }

    /** A value jte's {@code Escape.htmlAttribute} would leave as it is, outside event handlers and links. */
    private boolean plainAttribute(String value) {
        return tag != null && !attribute.startsWith("on") && !(tag.equals("a") && attribute.equals("href"))
                && value.indexOf('"') < 0 && value.indexOf('\'') < 0 && value.indexOf('&') < 0
                && value.indexOf('<') < 0;
    }
}
