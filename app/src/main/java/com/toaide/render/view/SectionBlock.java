package com.toaide.render.view;

import java.util.List;

/** {@code section}: head, then children; {@code empty} is the empty-state line or null. */
public record SectionBlock(Head head, List<Block> children, String empty) implements Block {}
