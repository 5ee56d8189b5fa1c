package com.toaide.render.view;

import java.util.List;

/**
 * {@code table}: one row per child, rows possibly grouped ({@code _group_by}). {@code note} says
 * what was left out past the renderer's caps; null when nothing was.
 */
public record TableBlock(Head head, List<Column> columns, List<RowGroup> groups, String empty, String note)
        implements Block {

    /** A column header; {@code cls} aligns numeric columns. */
    public record Column(String label, String cls) {}

    /** Rows under an optional group label (null when the table is not grouped). */
    public record RowGroup(String label, List<Row> rows) {}

    /** One child: its first cell is the row header. */
    public record Row(String entity, String cls, Val head, List<Val> cells) {}
}
