package com.toaide.render.view;

/** A label/value pair of a {@code <dl>}. */
public record Field(String label, Val value) {}
