package com.toaide.kernel;

/**
 * Every bound the kernel enforces, so that one aide stays bounded
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
    /** Names the snapshot stores that are not ids: relationship types, displays, constraint ids, times. */
    public static final int MAX_NAME_LENGTH = 64;
    /** Distinct relationship types an aide has ever used (their cardinality is remembered). */
    public static final int MAX_LINK_TYPES = 200;
    /** Relationship and child constraints together. */
    public static final int MAX_CONSTRAINTS = 200;
    /** Keys of {@code meta}, besides its annotations and constraints; also the keys of the global styles. */
    public static final int MAX_META_KEYS = 64;
    public static final int MAX_ANNOTATIONS = 200;
    /**
     * A {@code meta} value may be any JSON, but all of it counts: at most this many values in all
     * (the list limit), {@link #MAX_STRING_LENGTH} characters of text in all, nested no deeper
     * than {@link #MAX_DEPTH}.
     */
    public static final int MAX_META_VALUES = MAX_LIST_ITEMS;

    private Limits() {}
}
