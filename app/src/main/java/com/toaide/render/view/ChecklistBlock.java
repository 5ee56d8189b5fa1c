package com.toaide.render.view;

import java.util.List;

/** {@code checklist}: items with a read-only checkbox and a "2 of 5 done" summary. */
public record ChecklistBlock(Head head, List<Item> items, String summary, String empty)
        implements Block {

    /**
     * @param done  checked state
     * @param check editor attributes for the checkbox (text unused)
     * @param label the item's label
     */
    public record Item(String entity, String cls, boolean done, Val check, Val label,
                       List<Val> secondary, List<Rel> rels) {}
}
