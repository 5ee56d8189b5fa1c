package com.toaide.render.view;

/**
 * One relationship line: "Bringing: Potato salad, Chips".
 *
 * @param entity editor only: the entity the links start from
 * @param type   editor only: the relationship type, so the editor can offer a picker for it
 */
public record Rel(String label, String targets, String entity, String type) {

    /** The {@code data-type} of a relationship in the editor form; null (no attribute) when published. */
    public String editType() {
        return entity == null ? null : Val.REL;
    }
}
