package com.toaide.render.view;

import java.util.List;

/** {@code list}: a primary value per item and the other props as secondary text. */
public record ListBlock(Head head, List<Item> items, String empty) implements Block {

    public record Item(String entity, String cls, Val primary, List<Val> secondary, List<Rel> rels) {}
}
