package com.toaide.render;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * How prop values and keys read on the page. Locale-free on purpose: the same snapshot gives
 * the same bytes on every server, whatever its default locale.
 */
final class Values {

    private static final int MAX_LINK_TEXT = 60;
    private static final ConcurrentHashMap<String, String> LABELS = new ConcurrentHashMap<>();
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Values() {}

    /**
     * A value as shown. With {@code editor} false the editing attributes stay null, so the
     * published markup carries none.
     */
    static Val val(String entity, String key, JsonNode v, boolean editor) {
        return fill(new Val(), entity, key, v, editor);
    }

    /**
     * Fills {@code into} with a value as shown.
     */
    static Val fill(Val into, String entity, String key, JsonNode v, boolean editor) {
        String e = editor ? entity : null;
        String f = editor ? key : null;
        // One call for the node's kind: each isNull(), isNumber()... is a call of its own that the
        // JIT cannot inline (every kind of node passes through it), and values are read by the hundred.
        JsonNodeType kind = v == null ? JsonNodeType.MISSING : v.getNodeType();
        switch (kind) {
            case NULL, MISSING -> {
                return into.set("", null, null, false, null, e, f, editor ? "string" : null);
            }
            case BOOLEAN -> {
                return into.set("", null, null, v.booleanValue(), null, e, f, editor ? "boolean" : null);
            }
            case NUMBER -> {
                return into.set(Numbers.number(v), null, null, false, "num", e, f, editor ? "number" : null);
            }
            case STRING -> {
                String s = v.stringValue();
                if (isWebUrl(s)) {
                    return into.set(linkText(s), s, null, false, null, e, f, editor ? "string" : null);
                }
                String date = Dates.cached(s);
                if (date != null) {
                    return into.set(date, null, s, false, null, e, f, editor ? "date" : null);
                }
                return into.set(s, null, null, false, null, e, f, editor ? "string" : null);
            }
            case ARRAY -> {
                // A list is shown joined; it is not offered for inline editing as one string.
                return into.text(plain(v));
            }
            default -> {
                return into.text("");
            }
        }
    }

    /** The editor type of a value, as {@code data-type} names it. */
    static String type(JsonNode v) {
        JsonNodeType kind = v == null ? JsonNodeType.NULL : v.getNodeType();
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> Dates.cached(v.stringValue()) != null ? "date" : "string";
            default -> "string";
        };
    }

    /** A value as plain text (headings of groups, relationship targets, summaries). */
    static String plain(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "Yes" : "No";
        }
        if (v.isNumber()) {
            return Numbers.number(v);
        }
        if (v.isString()) {
            String s = v.stringValue();
            String date = Dates.cached(s);
            return date != null ? date : s;
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : v) {
                if (item.isArray() || item.isObject()) {
                    continue;
                }
                String text = plain(item);
                if (text.isEmpty()) {
                    continue;
                }
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(text);
            }
            return b.toString();
        }
        return "";
    }

    /**
     * Only {@code http:} and {@code https:} URLs become links or images: the scheme allow-list
     * that keeps {@code javascript:} and {@code data:} out of every href and src.
     */
    static boolean isWebUrl(String s) {
        // Most values are not links: one look at the first letter settles them.
        if (s.isEmpty() || (s.charAt(0) | 0x20) != 'h') {
            return false;
        }
        int start;
        if (s.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        } else if (s.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        } else {
            return false;
        }
        int n = s.length();
        if (n == start || n > 2048) {
            return false;
        }
        char first = s.charAt(start);
        if (first == '/' || first == '\\' || first == '.' || first == ':') {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>'
                    || c == '\\' || c == '`' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A link as read: no scheme, no trailing slash, shortened when long. */
    private static String linkText(String url) {
        int start = url.charAt(4) == ':' ? 7 : 8;
        int end = url.length();
        if (end - start > 1 && url.charAt(end - 1) == '/') {
            end--;
        }
        if (end - start > MAX_LINK_TEXT) {
            return url.substring(start, start + MAX_LINK_TEXT - 1) + "…";
        }
        return url.substring(start, end);
    }

    /** {@link #humanize}, from a cache shared by every render (pages repeat their keys); emptied at 4,096 keys. */
    static String label(String key) {
        String l = LABELS.get(key);
        if (l == null) {
            l = humanize(key);
            if (LABELS.size() >= 4_096) {
                LABELS.clear();
            }
            LABELS.put(key, l);
        }
        return l;
    }

    /**
     * {@code traveling_from} and {@code travelingFrom} as "Traveling from". Words typed in
     * capitals (RSVP) stay as they are.
     */
    static String humanize(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        boolean space = false;
        char prev = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '-' || c == '.' || Character.isWhitespace(c)) {
                space = b.length() > 0;
                prev = c;
                continue;
            }
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                space = b.length() > 0;
                boolean acronym = i + 1 < key.length() && Character.isUpperCase(key.charAt(i + 1));
                if (!acronym) {
                    c = Character.toLowerCase(c);
                }
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(b.length() == 0 ? Character.toUpperCase(c) : c);
            prev = key.charAt(i);
        }
        return b.toString();
    }

    /** Whitespace collapsed, cut at a word boundary to at most {@code max} characters. */
    static String shorten(String text, int max) {
        String s = oneSpace(text.strip());
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    /**
     * Each run of whitespace as one space, as {@code replaceAll("\\s+", " ")} does. That compiles
     * its pattern on every call, and the document asks twice per render; most titles and
     * descriptions have nothing to fold and are returned as they are.
     */
    private static String oneSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' ? i + 1 < s.length() && isSpace(s.charAt(i + 1)) : isSpace(c)) {
                return SPACES.matcher(s).replaceAll(" ");
            }
        }
        return s;
    }

    /** What {@code \\s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
