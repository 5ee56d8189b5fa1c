package com.toaide.render;

/**
 * jte's {@code Escape.htmlContent} and {@code Escape.htmlAttribute}, byte for byte (the
 * escaped characters and their entities), appending to a StringBuilder: unescaped runs go in
 * as one append each. {@code HtmlEscapeTest} compares them with jte's on hostile and random
 * strings. Null writes nothing, as jte's output does.
 */
final class HtmlEscape {
    private HtmlEscape() {}

    /** Text between tags: {@code & < >}. */
    static void content(String value, StringBuilder out) {
        if (value == null) {
            return;
        }
        int from = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            String entity = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (entity != null) {
                out.append(value, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(value, from, length);
    }

    /** A double-quoted attribute value: {@code ' " & <}. */
    static void attribute(String value, StringBuilder out) {
        if (value == null) {
            return;
        }
        int from = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            String entity = switch (value.charAt(i)) {
                case '\'' -> "&#39;";
                case '"' -> "&#34;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                default -> null;
            };
            if (entity != null) {
                out.append(value, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(value, from, length);
    }
}
