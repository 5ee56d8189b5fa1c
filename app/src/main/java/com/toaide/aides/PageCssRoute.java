package com.toaide.aides;

import com.toaide.render.Renderer;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The published page's stylesheet, served to the editor so the live page looks exactly like the
 * published one. Its URL carries a hash of the CSS, so it may be cached for a year.
 */
public final class PageCssRoute {
    private final String css;
    private final String url;

    public PageCssRoute(Renderer renderer) {
        this.css = renderer.pageCss();
        this.url = "/render/page.css?v=" + hash(css);
    }

    public String url() {
        return url;
    }

    public void css(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("text/css; charset=utf-8").result(css);
    }

    private static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
