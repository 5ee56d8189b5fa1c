package com.toaide.platform.web;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * The response headers (docs/security.md). Every response gets the editor's policy;
 * routes marked {@link Policy#PAGE_CSP} (published pages) get the page's own instead, and those
 * marked {@link Policy#LOCAL_IMAGES} the editor's without remote images.
 */
public final class SecurityHeaders {
    // Scripts and styles only from our own /static; no inline script at all.
    static final String EDITOR_CSP = editorPolicy("img-src 'self' https: data:");

    /** The editor's policy without remote images ({@link Policy#LOCAL_IMAGES}). */
    static final String LOCAL_IMAGES_CSP = editorPolicy("img-src 'self' data:");

    private static String editorPolicy(String images) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                images,
                "connect-src 'self'",
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    /**
     * Published pages (served by the embedded default) carry their own policy: the
     * editor's would block their one inline stylesheet. The page's meta tag says the same; a page
     * with uploaded photos also allows its own origin there, where the photos are published.
     * {@code frame-ancestors} works only in a header (browsers ignore it in a meta tag): in
     * production Cloudflare adds this same header to the pages R2 serves (docs/deploy.md, kept
     * equal to this by {@code PublishedHeadersTest}).
     */
    public static final String PUBLISHED_CSP = String.join("; ",
            "default-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src 'self' https: data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    private final boolean prod;

    public SecurityHeaders(boolean prod) {
        this.prod = prod;
    }

    // Name and value pairs, in an array so that applying them allocates nothing per request.
    private static final String[] COMMON = {
        "Content-Security-Policy", EDITOR_CSP,
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "same-origin",
        "X-Frame-Options", "DENY",
        "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
    };
    private static final String HSTS = "Strict-Transport-Security";
    private static final String HSTS_VALUE = "max-age=63072000; includeSubDomains";

    /** A before step: every response, matched or not, carries these. */
    public void apply(Context ctx) {
        for (int i = 0; i < COMMON.length; i += 2) {
            ctx.header(COMMON[i], COMMON[i + 1]);
        }
        if (prod) {
            ctx.header(HSTS, HSTS_VALUE);
        }
    }

    /** The same headers for an answer written on Jetty's core API (the direct edit route). */
    public void apply(BiConsumer<String, String> header) {
        each(prod, header);
    }

    /** The same headers for answers Jetty writes itself, before any route ({@link ProtocolErrors}). */
    static void each(boolean prod, BiConsumer<String, String> header) {
        for (int i = 0; i < COMMON.length; i += 2) {
            header.accept(COMMON[i], COMMON[i + 1]);
        }
        if (prod) {
            header.accept(HSTS, HSTS_VALUE);
        }
    }

    /** A beforeMatched step: a route marked {@link Policy#PAGE_CSP} or {@link Policy#LOCAL_IMAGES} replaces the editor's policy. */
    public void applyRoute(Context ctx) {
        if (Policy.PAGE_CSP.on(ctx)) {
            ctx.header("Content-Security-Policy", PUBLISHED_CSP);
        } else if (Policy.LOCAL_IMAGES.on(ctx)) {
            ctx.header("Content-Security-Policy", LOCAL_IMAGES_CSP);
        }
    }
}
