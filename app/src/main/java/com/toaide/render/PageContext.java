package com.toaide.render;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What the published document needs besides the snapshot. The renderer has no clock and no
 * configuration: the web layer passes them here.
 *
 * @param canonicalUrl the page's public URL, or null (then no canonical or {@code og:url})
 * @param feedUrl      its Atom change feed, or null
 * @param landingUrl   where "Maintained with AIde" links to, or null (then plain text)
 * @param updated      the date shown as "Updated Feb 12, 2026", or null to leave it out
 * @param tier         the owner's plan: the free tier shows "Maintained with AIde"
 * @param images       the page's uploaded photos where visitors find them (their published copies)
 */
public record PageContext(String canonicalUrl, String feedUrl, String landingUrl, LocalDate updated, Tier tier,
                          PageImages images) {

    public PageContext {
        if (tier == null) {
            tier = Tier.FREE;
        }
        if (images == null) {
            images = PageImages.NONE;
        }
    }

    /** A page without uploaded photos. */
    public PageContext(String canonicalUrl, String feedUrl, String landingUrl, LocalDate updated, Tier tier) {
        this(canonicalUrl, feedUrl, landingUrl, updated, tier, PageImages.NONE);
    }

    public enum Tier {
        FREE, PRO;

        /** {@code free} or {@code pro}, any case; anything else is an error. */
        public static Tier parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
                case "free" -> FREE;
                case "pro" -> PRO;
                default -> throw new IllegalArgumentException("tier must be free or pro, not " + s);
            };
        }
    }
}
