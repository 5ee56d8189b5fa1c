package com.toaide.platform.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery guard (security.md): a state-changing request must come from the
 * editor's own origin. Browsers send {@code Origin} on every POST; when a privacy setting strips
 * it, {@code Sec-Fetch-Site: same-origin} still proves the request came from our own pages.
 */
public final class OriginGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String editorOrigin;
    private final Set<String> exemptPaths;

    /** {@code exemptPaths}: endpoints that prove themselves another way (Stripe's signed webhook). */
    public OriginGuard(URI editorUrl, Set<String> exemptPaths) {
        this.editorOrigin = origin(editorUrl);
        this.exemptPaths = exemptPaths;
    }

    public void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name()) || exemptPaths.contains(ctx.path())) {
            return;
        }
        if (!isSameOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"))) {
            throw new ForbiddenResponse("This request did not come from an AIde page.");
        }
    }

    /** Also used for WebSocket upgrades, which are GETs that still change things. */
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
