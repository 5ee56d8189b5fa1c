package com.toaide.render.view;

import java.util.List;

/** {@code section}: frame, then children; {@code empty} is the empty-state line or null. */
public record SectionBlock(Frame frame, List<Block> children, String empty) implements Block {}
