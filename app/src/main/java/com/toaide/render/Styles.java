package com.toaide.render;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Maps style hints to a fixed set of class names. Whatever a style says, the page only ever
 * gets one of these classes: a style value is never written into the page, as CSS or otherwise.
 */
final class Styles {

    static final Set<String> PALETTE =
            Set.of("red", "orange", "yellow", "green", "blue", "purple", "pink", "gray");

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "1");
    private static final Set<String> COLOR_KEYS =
            Set.of("color", "colour", "text_color", "textcolor", "tone", "accent");
    private static final Set<String> BACKGROUND_KEYS =
            Set.of("background", "bg", "bg_color", "background_color", "backgroundcolor", "fill");
    private static final Set<String> WEIGHT_KEYS = Set.of("font_weight", "fontweight", "weight");
    private static final Set<String> NAME_KEYS = Set.of("style", "variant", "emphasis", "class");

    private static final int HIGHLIGHT = 1;
    private static final int MUTED = 2;
    private static final int BOLD = 4;

    private Styles() {}

    /**
     * The style classes of an entity, each preceded by a space, or "" when it has none.
     *
     * @param styles the entity's {@code _styles}
     * @param names  a {@code styles}/{@code _styles} prop: a name or a list of names, or null
     */
    static String classes(Map<String, JsonNode> styles, JsonNode names) {
        if (styles.isEmpty() && names == null) {
            return "";
        }
        int flags = 0;
        String color = null;
        for (Map.Entry<String, JsonNode> e : styles.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = e.getValue();
            String word = word(v);
            switch (key) {
                case "highlight", "highlighted" -> flags |= truthy(v) ? HIGHLIGHT : 0;
                case "muted", "dim", "faded" -> flags |= truthy(v) ? MUTED : 0;
                case "bold", "strong" -> flags |= truthy(v) ? BOLD : 0;
                default -> {
                    if (COLOR_KEYS.contains(key) && word != null && palette(word) != null) {
                        color = palette(word);
                    } else if (BACKGROUND_KEYS.contains(key) && word != null && !word.isEmpty()
                            && !word.equals("none") && !word.equals("transparent")) {
                        flags |= HIGHLIGHT;
                    } else if (WEIGHT_KEYS.contains(key) && word != null
                            && (word.equals("bold") || word.equals("bolder") || word.matches("[6-9]00"))) {
                        flags |= BOLD;
                    } else if (NAME_KEYS.contains(key) && word != null) {
                        int[] f = {flags};
                        color = name(word, f, color);
                        flags = f[0];
                    }
                }
            }
        }
        if (names != null) {
            int[] f = {flags};
            if (names.isArray()) {
                for (JsonNode n : names) {
                    String word = word(n);
                    if (word != null) {
                        color = name(word, f, color);
                    }
                }
            } else {
                String word = word(names);
                if (word != null) {
                    for (String part : word.split("[\\s,]+")) {
                        color = name(part, f, color);
                    }
                }
            }
            flags = f[0];
        }
        if (flags == 0 && color == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(24);
        if ((flags & HIGHLIGHT) != 0) {
            b.append(" s-highlight");
        }
        if ((flags & MUTED) != 0) {
            b.append(" s-muted");
        }
        if ((flags & BOLD) != 0) {
            b.append(" s-bold");
        }
        if (color != null) {
            b.append(" s-tone s-").append(color);
        }
        return b.toString();
    }

    /**
     * Classes for the whole page from {@code styles.global}: an accent colour and a serif face.
     */
    static String global(Map<String, JsonNode> styles) {
        String accent = null;
        boolean serif = false;
        for (Map.Entry<String, JsonNode> e : styles.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String word = word(e.getValue());
            if (word == null) {
                continue;
            }
            if ((key.equals("accent") || key.equals("accent_color") || key.equals("primary_color")
                    || key.equals("color") || key.equals("theme")) && palette(word) != null) {
                accent = palette(word);
            } else if ((key.equals("font") || key.equals("font_family") || key.equals("typeface"))
                    && word.contains("serif") && !word.contains("sans")) {
                serif = true;
            }
        }
        return (accent == null ? "" : " a-" + accent) + (serif ? " serif" : "");
    }

    private static String name(String word, int[] flags, String color) {
        switch (word) {
            case "highlight", "highlighted" -> flags[0] |= HIGHLIGHT;
            case "muted", "dim" -> flags[0] |= MUTED;
            case "bold", "strong" -> flags[0] |= BOLD;
            default -> {
                String c = palette(word);
                if (c != null) {
                    return c;
                }
            }
        }
        return color;
    }

    private static String palette(String word) {
        String w = switch (word) {
            case "grey" -> "gray";
            case "violet" -> "purple";
            default -> word;
        };
        return PALETTE.contains(w) ? w : null;
    }

    private static boolean truthy(JsonNode v) {
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        String w = word(v);
        return w != null && (TRUE_WORDS.contains(w) || palette(w) != null);
    }

    private static String word(JsonNode v) {
        return v != null && v.isString() ? v.stringValue().strip().toLowerCase(Locale.ROOT) : null;
    }
}
