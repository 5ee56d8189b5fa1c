package com.toaide.render;

/** The one fallback title, for every place that shows a page that has not named itself. */
public final class Titles {
    /** What a page without a title is called: in its document, the dashboard, the editor and the feed. */
    public static final String UNTITLED = "Untitled";

    private Titles() {}

    /** {@code title}, or {@link #UNTITLED} when it is null or blank. */
    public static String orUntitled(String title) {
        return title == null || title.isBlank() ? UNTITLED : title;
    }
}
