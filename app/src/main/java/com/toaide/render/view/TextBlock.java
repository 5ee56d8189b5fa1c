package com.toaide.render.view;

import java.util.List;

/** {@code text}: one paragraph. */
public record TextBlock(Head head, Val text, List<Block> children) implements Block {}
