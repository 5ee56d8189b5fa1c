package com.toaide.render.view;

import java.util.List;

/**
 * {@code grid}: a fixed rows-by-columns table of cell entities. {@code colLabels} is null when
 * there are no column labels; a row's {@code label} is null when there are no row labels.
 */
public record GridBlock(Head head, List<String> colLabels, boolean rowLabels, List<Row> rows)
        implements Block {

    public record Row(String label, List<Val> cells) {}
}
