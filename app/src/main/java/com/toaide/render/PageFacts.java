package com.toaide.render;

import com.toaide.kernel.Snapshot;
import java.util.List;

/**
 * What the walk learned about a page for its document head and link previews.
 *
 * @param title      the page's title as its h1 shows it, or null
 * @param lead       the page's own description/subtitle/summary prop, or null
 * @param firstText  the first paragraph of text in page order, or null
 * @param firstImage the first {@code https} image in page order, or null
 * @param hasPhotos  whether it shows uploaded photos (served from its own origin)
 * @param outline    titles of the page's top-level blocks, at most {@link #OUTLINE_MAX}
 */
record PageFacts(String title, String lead, String firstText, String firstImage, boolean hasPhotos, List<String> outline) {

    static final int OUTLINE_MAX = 8;
    /** The description meta tag is cut to this many characters. */
    static final int DESCRIPTION_LENGTH = 160;
    /** The document's title: the snapshot's, else the page's h1, else {@link Titles#UNTITLED}. */
    String documentTitle(Snapshot snapshot) {
        String t = snapshot.title();
        if (t == null || t.isBlank()) {
            t = title;
        }
        return t == null || t.isBlank() ? Titles.UNTITLED : Values.shorten(t, 120);
    }

    /**
     * A short summary for link previews: the page's own description if it has one, else its
     * first paragraph, else the titles of its parts, else its title.
     */
    String description(String documentTitle) {
        String d = lead;
        if (d == null || d.isBlank()) {
            d = firstText;
        }
        if ((d == null || d.isBlank()) && !outline.isEmpty()) {
            d = String.join(" · ", outline);
        }
        if (d == null || d.isBlank()) {
            d = documentTitle;
        }
        return Values.shorten(d, DESCRIPTION_LENGTH);
    }
}
