package com.toaide.render;

import java.time.LocalDate;

/**
 * What the published document needs besides the snapshot. The renderer has no clock and no
 * configuration: the web layer passes them here.
 *
 * @param canonicalUrl the page's public URL, or null (then no canonical or {@code og:url})
 * @param feedUrl      its Atom change feed, or null
 * @param landingUrl   where "Maintained with AIde" links to, or null (then plain text)
 * @param updated      the date shown as "Updated Feb 12, 2026", or null to leave it out
 * @param credit       whether the page shows "Maintained with AIde" (pages of Free accounts do)
 * @param images       the page's uploaded photos where visitors find them (their published copies)
 */
public record PageContext(String canonicalUrl, String feedUrl, String landingUrl, LocalDate updated, Credit credit,
                          PageImages images) {

    public PageContext {
        if (credit == null) {
            credit = Credit.SHOWN;
        }
        if (images == null) {
            images = PageImages.NONE;
        }
    }

    /** A page without uploaded photos. */
    public PageContext(String canonicalUrl, String feedUrl, String landingUrl, LocalDate updated, Credit credit) {
        this(canonicalUrl, feedUrl, landingUrl, updated, credit, PageImages.NONE);
    }

    /**
     * The "Maintained with AIde" line in the footer. The renderer does not know plans (it imports
     * no feature); the caller decides from the owner's plan.
     */
    public enum Credit {
        SHOWN, HIDDEN
    }
}
