package com.toaide.kernel;

/** A typed link between two entities; {@code cardinality} is fixed by the first use of {@code type}. */
public record Relationship(String from, String to, String type, String cardinality) {}
