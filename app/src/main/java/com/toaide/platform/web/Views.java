package com.toaide.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders jte templates (precompiled from templates/ at build time) into responses. */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** {@code page} is the template's one typed parameter, a record made for that page. */
    public String render(String template, Object page) {
        var output = new StringOutput();
        engine.render(template, page, output);
        return output.toString();
    }

    public void html(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, page));
    }
}
