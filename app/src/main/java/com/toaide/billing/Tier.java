package com.toaide.billing;

/** The two plans (product.md). Stored lower-case in {@code users.tier}. */
public enum Tier {
    FREE,
    PRO;

    public String code() {
        return name().toLowerCase();
    }

    static Tier of(String code) {
        return "pro".equals(code) ? PRO : FREE;
    }

    /** As shown on pages: "Free", "Pro". */
    public String label() {
        return this == FREE ? "Free" : "Pro";
    }
}
