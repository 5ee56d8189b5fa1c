package com.toaide.ai;

/** Which model answers a turn (docs/ai.md, "Tiers"). */
public enum Tier {
    /** AIDE_MODEL_DEEP: designs the structure of a new aide, answers questions, takes escalations. */
    DEEP,
    /** AIDE_MODEL_FAST: every other update; may not create page, section, table or grid entities. */
    FAST;

    /** The prompt file of the tier, {@code deep.md} or {@code fast.md}. */
    String promptFile() {
        return this == DEEP ? "deep.md" : "fast.md";
    }
}
