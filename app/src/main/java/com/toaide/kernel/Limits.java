package com.toaide.kernel;

/**
 * Every bound the kernel enforces (kernel.md, "Limits"), so that one aide stays bounded
 * whatever an AI or a client sends. Breaking one rejects the event with {@code LIMIT_EXCEEDED}.
 */
public final class Limits {
    /** Entities per aide, removed ones included (they count until compaction). */
    public static final int MAX_ENTITIES = 5_000;
    /** Nesting depth: the number of ancestors an entity may have (a top-level entity has none). */
    public static final int MAX_DEPTH = 12;
    public static final int MAX_PROPS_PER_ENTITY = 64;
    public static final int MAX_PROP_KEY_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Items in a list value. */
    public static final int MAX_LIST_ITEMS = 200;
    public static final int MAX_RELATIONSHIPS = 2_000;

    private Limits() {}
}
