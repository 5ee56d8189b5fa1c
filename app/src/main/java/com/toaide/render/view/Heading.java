package com.toaide.render.view;

/** A heading at a level from 1 to 6, kept in document order by the builder. */
public record Heading(int level, Val text) {}
