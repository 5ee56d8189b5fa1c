package com.toaide.platform.web;

import io.javalin.http.Context;

/**
 * The response headers of security.md (requests). Every response gets the editor's policy;
 * routes marked {@link Policy#PAGE_CSP} (published pages) get the page's own instead.
 */
public final class SecurityHeaders {
    // Scripts and styles only from our own /static; no inline script at all.
    static final String EDITOR_CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' https: data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Published pages (served by the embedded default) carry their own policy: the
     * editor's would block their one inline stylesheet. The page's meta tag says the same; a page
     * with uploaded photos also allows its own origin there, where the photos are published.
     */
    static final String PUBLISHED_CSP = String.join("; ",
            "default-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src 'self' https: data:",
            "base-uri 'none'",
            "form-action 'none'");

    private final boolean prod;

    public SecurityHeaders(boolean prod) {
        this.prod = prod;
    }

    /** A before step: every response, matched or not, carries these. */
    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", EDITOR_CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (prod) {
            ctx.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        }
    }

    /** A beforeMatched step: a route marked {@link Policy#PAGE_CSP} replaces the editor's policy. */
    public void applyRoute(Context ctx) {
        if (Policy.PAGE_CSP.on(ctx)) {
            ctx.header("Content-Security-Policy", PUBLISHED_CSP);
        }
    }
}
