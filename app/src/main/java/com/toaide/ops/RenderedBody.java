package com.toaide.ops;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Markup from the renderer, which escapes every user value itself; written as is, once,
 * instead of escaping the renderer's own tags a second time.
 */
record RenderedBody(String html) implements Content {
    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }
}
