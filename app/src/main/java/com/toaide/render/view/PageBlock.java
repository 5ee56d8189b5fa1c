package com.toaide.render.view;

import java.util.List;

/** {@code page}: frame, then children; {@code empty} is the empty-state line or null. */
public record PageBlock(Frame frame, List<Block> children, String empty) implements Block {}
