package com.toaide.render.view;

import java.util.List;

/** {@code page}: head, then children; {@code empty} is the empty-state line or null. */
public record PageBlock(Head head, List<Block> children, String empty) implements Block {}
