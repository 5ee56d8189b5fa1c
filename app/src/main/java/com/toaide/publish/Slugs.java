package com.toaide.publish;

import com.toaide.platform.failure.Failure;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Slug rules (docs/publishing.md): the shape, the reserved words, the free plan's random slugs. */
final class Slugs {
    static final Pattern SHAPE = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])?$");

    // Paths the product, the CDN or a future feature may need; a page must never shadow them.
    static final Set<String> RESERVED = Set.of(
            "admin", "api", "login", "logout", "s", "static", "assets", "render", "health", "aides",
            "account", "billing", "webhooks", "dev", "www", "app", "auth", "mail", "help", "support",
            "about", "pricing", "terms", "privacy", "status", "docs", "blog", "feed", "new", "edit",
            "settings", "dashboard", "root", "null", "undefined", "aide", "toaide", "index", "v");

    private static final List<String> FIRST = List.of(
            "amber", "brave", "brisk", "calm", "clear", "cosy", "crisp", "early", "fair", "fresh",
            "gentle", "golden", "grand", "green", "happy", "honest", "jolly", "keen", "kind", "late",
            "lively", "lucky", "mellow", "merry", "mild", "neat", "noble", "plain", "proud", "quick",
            "quiet", "rapid", "ready", "rosy", "royal", "silver", "simple", "smart", "snug", "solid",
            "steady", "still", "sunny", "swift", "tidy", "true", "warm", "wise");

    private static final List<String> SECOND = List.of(
            "acorn", "anchor", "apple", "badger", "basket", "beacon", "birch", "bridge", "brook", "candle",
            "canyon", "cedar", "clover", "comet", "compass", "cove", "crane", "dune", "ember", "falcon",
            "fern", "field", "garden", "harbor", "heron", "hill", "island", "lantern", "maple", "meadow",
            "mill", "orchard", "otter", "pebble", "pine", "planet", "river", "robin", "sparrow", "spruce",
            "stone", "summit", "table", "thistle", "tide", "valley", "willow", "wren");

    private Slugs() {}

    /** A free-plan slug such as {@code sunny-harbor-4821}. */
    static String random(RandomGenerator random) {
        return FIRST.get(random.nextInt(FIRST.size())) + "-" + SECOND.get(random.nextInt(SECOND.size()))
                + "-" + (1000 + random.nextInt(9000));
    }

    /** The slug a Pro user chose, cleaned up, or a {@code 400} saying what is wrong with it. */
    static String chosen(String requested) {
        String slug = requested.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(slug).matches()) {
            throw new Failure.Invalid("An address is up to 64 lower-case letters, digits and dashes, "
                    + "starting and ending with a letter or digit.");
        }
        if (RESERVED.contains(slug)) {
            throw new Failure.Invalid("\"" + slug + "\" is reserved. Choose another address.");
        }
        return slug;
    }

    static boolean valid(String slug) {
        return slug != null && SHAPE.matcher(slug).matches();
    }
}
