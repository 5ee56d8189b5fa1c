package com.toaide.render;

import java.util.Locale;

/** How an entity is shown: its {@code display} prop, or what {@link DisplayRules} infer. */
enum Display {
    PAGE, SECTION, CARD, TABLE, CHECKLIST, LIST, METRIC, TEXT, IMAGE, GRID;

    /** An explicit {@code display}, lower-cased; unknown names render as a card. */
    static Display named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "page" -> PAGE;
            case "section" -> SECTION;
            case "table" -> TABLE;
            case "checklist" -> CHECKLIST;
            case "list" -> LIST;
            case "metric" -> METRIC;
            case "text" -> TEXT;
            case "image" -> IMAGE;
            case "grid" -> GRID;
            default -> CARD;
        };
    }
}
