package com.toaide.render.view;

import java.util.List;

/**
 * {@code image}: {@code src} is null unless the URL is {@code http(s)}; its text is the URL.
 * {@code alt} may be empty (a decorative image), never null.
 */
public record ImageBlock(Head head, Val src, String alt, Val caption, List<Block> children)
        implements Block {}
