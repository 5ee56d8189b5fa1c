package com.toaide.render;

/**
 * One shown value, as {@link Values#fill} reads it from a prop: what the reader sees (already
 * formatted, not yet escaped), how it is marked up, and its editing attributes. The writer keeps
 * one and refills it for every value it writes, so a render allocates no record per value.
 */
final class Val {
    /** The editing type of a relationship: the editor offers a picker of entities for it. */
    static final String REL = "rel";

    /** What the reader sees, formatted, not yet escaped. */
    String text;
    /** An {@code http(s)} link target, or null. */
    String href;
    /** A machine-readable date for {@code <time>}, or null. */
    String datetime;
    /** A boolean true, shown as a check mark. */
    boolean yes;
    /** A presentational class such as {@code num}, or null; never user text. */
    String cls;
    /** Editor only (else null): the entity the value belongs to. */
    String entity;
    /** Editor only: the prop key (for a relationship cell, its type). */
    String field;
    /** Editor only: {@code string|number|boolean|date}, or {@link #REL}; never user text. */
    String type;

    Val set(String text, String href, String datetime, boolean yes, String cls, String entity, String field, String type) {
        this.text = text;
        this.href = href;
        this.datetime = datetime;
        this.yes = yes;
        this.cls = cls;
        this.entity = entity;
        this.field = field;
        this.type = type;
        return this;
    }

    /** Plain text with no markup and no editing attributes. */
    Val text(String text) {
        return set(text, null, null, false, null, null, null, null);
    }

    /** Shows nothing: no text, no check mark (an empty cell still writes its element). */
    boolean blank() {
        return text.isBlank() && !yes;
    }

    String text() {
        return text;
    }

    String href() {
        return href;
    }

    String datetime() {
        return datetime;
    }

    boolean yes() {
        return yes;
    }

    String cls() {
        return cls;
    }

    String type() {
        return type;
    }
}
