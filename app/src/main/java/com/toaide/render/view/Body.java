package com.toaide.render.view;

import java.util.List;

/**
 * The entity markup of a whole page.
 *
 * @param cls     {@code aide} plus global style classes
 * @param heading an {@code <h1>} from {@code meta.title} when no page entity gives one, or null
 * @param blocks  the top-level entities
 * @param empty   the empty-state line, or null
 */
public record Body(String cls, Heading heading, List<Block> blocks, String empty) {}
