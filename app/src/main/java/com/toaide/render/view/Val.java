package com.toaide.render.view;

/**
 * One shown value.
 *
 * @param text     what the reader sees (already formatted, not yet escaped)
 * @param href     an {@code http(s)} link target, or null
 * @param datetime a machine-readable date for {@code <time>}, or null
 * @param yes      a boolean true, shown as a check mark
 * @param cls      a presentational class such as {@code num}, or null
 * @param entity   editor only: the entity the value belongs to
 * @param field    editor only: the prop key
 * @param type     editor only: {@code string|number|boolean|date}, or {@code rel} for a
 *                 relationship shown as a table cell (then {@code field} is its type)
 */
public record Val(String text, String href, String datetime, boolean yes, String cls,
                  String entity, String field, String type) {

    /** The editing type of a relationship: the editor offers a picker of entities for it. */
    public static final String REL = "rel";

    public static final Val EMPTY = new Val("", null, null, false, null, null, null, null);

    public static Val text(String text) {
        return new Val(text, null, null, false, null, null, null, null);
    }
}
