package com.toaide.render;

/**
 * Uploaded photos a page may show. An image entity points at one with {@code src:
 * "upload:<id>"}; what that resolves to depends on where the page is shown (the owner's
 * editor route, or the copies published beside the page), so the caller passes it in and the
 * renderer stays pure. A lookup may load the aide's photos on first use; a page without
 * uploaded photos never asks.
 */
@FunctionalInterface
public interface PageImages {
    String SCHEME = "upload:";
    /** Pages are at most 720 px wide; a phone shows a photo across the screen. */
    String SIZES = "(min-width: 760px) 720px, 100vw";

    PageImages NONE = id -> null;

    /** The photo with this id, or null when there is none (deleted, or another aide's). */
    Photo find(String id);

    /**
     * @param src    the largest size, for browsers that ignore {@code srcset}
     * @param srcset every stored size with its width ({@code "... 480w, ... 960w"})
     */
    record Photo(int width, int height, String src, String srcset) {}

    /** The id in an {@code upload:} reference, or null when {@code src} is not one. */
    static String idOf(String src) {
        if (src == null || !src.startsWith(SCHEME)) {
            return null;
        }
        String id = src.substring(SCHEME.length());
        return id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") ? id : null;
    }

    static String reference(String id) {
        return SCHEME + id;
    }
}
