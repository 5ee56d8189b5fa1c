package com.toaide.aides;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Markup produced by the renderer, which escapes every user value by context itself (
 * escaping). Handing it to a template as Content writes it as it is, once, instead of escaping
 * the renderer's own tags a second time.
 */
record RenderedHtml(String html) implements Content {
    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }
}
