package com.toaide.kernel;

/** The rejection codes; a rejection's reason is {@code "CODE: human detail"}. */
public enum Code {
    MISSING_TYPE,
    UNKNOWN_PRIMITIVE,
    INVALID_FIELD,
    MISSING_ID,
    INVALID_ID,
    MISSING_REF,
    MISSING_FROM,
    MISSING_TO,
    MISSING_SELECTOR,
    ENTITY_EXISTS,
    ENTITY_NOT_FOUND,
    PARENT_NOT_FOUND,
    ALREADY_REMOVED,
    CYCLE,
    REORDER_MISMATCH,
    STRICT_CONSTRAINT_VIOLATED,
    LIMIT_EXCEEDED
}
