package com.toaide.render.view;

import java.util.List;

/** {@code metric}: a big value and its label. */
public record MetricBlock(Head head, Val value, Val label, List<Block> children) implements Block {}
