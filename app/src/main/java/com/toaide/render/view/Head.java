package com.toaide.render.view;

import java.util.List;

/**
 * What every entity block starts with (written first by BodyWriter).
 *
 * @param entity  editor only: the entity id for the block's root element
 * @param cls     the block's classes (its kind plus style classes); never user text
 * @param heading the title, or null
 * @param fields  the remaining visible props
 * @param rels    relationship lines
 */
public record Head(String entity, String cls, Heading heading, List<Field> fields, List<Rel> rels) {}
