package com.toaide.render.view;

/** One rendered entity, by display type. */
public sealed interface Block
        permits PageBlock, SectionBlock, CardBlock, TableBlock, ChecklistBlock, ListBlock,
                MetricBlock, TextBlock, ImageBlock, GridBlock {

    Head head();
}
