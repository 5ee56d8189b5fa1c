package com.toaide.render.view;

/** One relationship line: "Bringing: Potato salad, Chips". */
public record Rel(String label, String targets) {}
