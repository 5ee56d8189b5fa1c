package com.toaide.render.view;

import java.util.List;

/** {@code card}: head, then children; {@code empty} is the empty-state line or null. */
public record CardBlock(Head head, List<Block> children, String empty) implements Block {}
