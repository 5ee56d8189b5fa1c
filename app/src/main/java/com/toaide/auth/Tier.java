package com.toaide.auth;

import java.util.Locale;

/** A user's plan (product.md, plans). Stored lower-case in {@code users.tier}. */
public enum Tier {
    FREE, PRO;

    static Tier of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As shown on pages: "Free", "Pro". */
    public String label() {
        return this == FREE ? "Free" : "Pro";
    }
}
