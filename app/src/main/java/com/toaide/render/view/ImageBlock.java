package com.toaide.render.view;

import java.util.List;

/**
 * {@code image}: {@code src} is null unless the URL is {@code http(s)} or an uploaded photo; its
 * text is the URL. {@code alt} may be empty (a decorative image), never null. {@code photo} is
 * set for an uploaded photo: its sizes and dimensions, so the browser picks a size and keeps
 * the layout steady while it loads.
 */
public record ImageBlock(Head head, Val src, String alt, Val caption, Photo photo, List<Block> children)
        implements Block {

    /** {@code srcset} and {@code sizes} as the img tag takes them, and the photo's dimensions. */
    public record Photo(String srcset, String sizes, int width, int height) {}

    // Null leaves the attribute out (jte's smart attributes): a linked image has none of these.

    public String srcset() {
        return photo == null ? null : photo.srcset();
    }

    public String sizes() {
        return photo == null ? null : photo.sizes();
    }

    public Integer width() {
        return photo == null ? null : photo.width();
    }

    public Integer height() {
        return photo == null ? null : photo.height();
    }
}
