package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery guard: a state-changing request must come from the
 * editor's own origin. Browsers send {@code Origin} on every POST; when a privacy setting strips
 * it, {@code Sec-Fetch-Site: same-origin} still proves the request came from our own pages.
 * Routes marked {@link Policy#CSRF_EXEMPT} prove themselves another way.
 */
public final class OriginGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String editorOrigin;

    public OriginGuard(URI editorUrl) {
        this.editorOrigin = origin(editorUrl);
    }

    /** A beforeMatched step for state-changing methods. */
    public void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name()) || Policy.CSRF_EXEMPT.on(ctx)) {
            return;
        }
        requireSameOrigin(ctx);
    }

    /** WebSocket upgrades are GETs that still act for the user: always checked. */
    public void checkUpgrade(Context ctx) {
        requireSameOrigin(ctx);
    }

    private void requireSameOrigin(Context ctx) {
        if (!isSameOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("This request did not come from an AIde page.");
        }
    }

    /** The rule on plain values: the request's {@code Origin} and {@code Sec-Fetch-Site} headers (either may be null). */
    public boolean isSameOrigin(String origin, String secFetchSite) {
        if (origin != null) {
            return origin.equals(editorOrigin);
        }
        return "same-origin".equals(secFetchSite);
    }

    private static String origin(URI url) {
        int port = url.getPort();
        return url.getScheme() + "://" + url.getHost() + (port > 0 ? ":" + port : "");
    }
}
