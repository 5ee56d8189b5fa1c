package com.toaide.billing;

/** The two plans, Free and Pro. Stored lower-case in the {@code users.tier} column. */
public enum Plan {
    FREE,
    PRO;

    public String code() {
        return name().toLowerCase();
    }

    static Plan of(String code) {
        return "pro".equals(code) ? PRO : FREE;
    }

    /** As shown on pages: "Free", "Pro". */
    public String label() {
        return this == FREE ? "Free" : "Pro";
    }
}
